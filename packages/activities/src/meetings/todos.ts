import { and, eq, sql } from 'drizzle-orm';
import { shanghaiDate, type Ctx, type TenantDb } from '@ronghe/core';
import { DUE_SOON_DAYS } from '@ronghe/lists/read';
import { meetingDecisions, meetings } from '@ronghe/schema';

/**
 * Open decisions that call for someone (the 工作台's 待办): those owned by these
 * organizations (their liaison completes them) or of these alliances (the lead
 * supervises; the approving committee receives the overdue ones). `red` =
 * overdue (escalated), `yellow` = due within the projects' 7-day window.
 */
export async function decisionWarningCounts(ctx: Ctx, scope: { ownerOrgIds?: readonly string[]; allianceIds?: readonly string[] }): Promise<{ yellow: number; red: number }> {
  const owners = scope.ownerOrgIds ?? [];
  const alliances = scope.allianceIds ?? [];
  if (!owners.length && !alliances.length) return { yellow: 0, red: 0 };
  const today = shanghaiDate(ctx.clock.now());
  const soon = shanghaiDate(Date.parse(`${today}T12:00:00+08:00`) + DUE_SOON_DAYS * 86_400_000);
  const [row] = await ctx.db
    .select({
      red: sql<number>`coalesce(sum(CASE WHEN ${meetingDecisions.dueOn} < ${today} THEN 1 ELSE 0 END), 0)`,
      yellow: sql<number>`coalesce(sum(CASE WHEN ${meetingDecisions.dueOn} >= ${today} AND ${meetingDecisions.dueOn} <= ${soon} THEN 1 ELSE 0 END), 0)`,
    })
    .from(meetingDecisions)
    .where(
      and(
        eq(meetingDecisions.status, 'open'),
        sql`(${meetingDecisions.ownerOrgId} IN (SELECT value FROM json_each(${JSON.stringify(owners)})) OR ${meetingDecisions.allianceId} IN (SELECT value FROM json_each(${JSON.stringify(alliances)})))`,
      ),
    );
  return { yellow: Number(row?.yellow ?? 0), red: Number(row?.red ?? 0) };
}

/**
 * The organizations a joint meeting assigned decisions to (the 工作台's notifications consumer tells
 * their liaisons), with its alliance; null when the meeting is unknown. Database alone (no request context).
 */
export async function meetingNoticeFacts(db: TenantDb, meetingId: string): Promise<{ allianceId: string; ownerOrgIds: string[] } | null> {
  const [m] = await db.select({ allianceId: meetings.allianceId }).from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  if (!m) return null;
  const rows = await db.selectDistinct({ orgId: meetingDecisions.ownerOrgId }).from(meetingDecisions).where(and(eq(meetingDecisions.meetingId, meetingId), eq(meetingDecisions.status, 'open')));
  return { allianceId: m.allianceId, ownerOrgIds: rows.map((r) => r.orgId).sort() };
}
