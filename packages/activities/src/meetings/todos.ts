import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { shanghaiDate, type Ctx, type TenantDb } from '@ronghe/core';
import { DUE_SOON_DAYS } from '@ronghe/lists/read';
import { meetingDecisions, meetings } from '@ronghe/schema';

/** One open decision as a 待办 lists it. */
export interface OpenDecision {
  id: string;
  content: string;
  dueOn: string;
}

/**
 * Open decisions that call for someone (the 工作台's 待办): those owned by these
 * organizations (their liaison completes them) or of these alliances (the lead
 * supervises; the approving committee receives the overdue ones). `red` =
 * overdue (escalated), `yellow` = due within the projects' 7-day window; each with
 * up to `sample` of its decisions, earliest due first, so the card says which. One
 * round trip (a D1 batch).
 */
export async function decisionWarnings(
  ctx: Ctx,
  scope: { ownerOrgIds?: readonly string[]; allianceIds?: readonly string[] },
  sample: number,
): Promise<{ yellow: number; red: number; overdue: OpenDecision[]; dueSoon: OpenDecision[] }> {
  const owners = scope.ownerOrgIds ?? [];
  const alliances = scope.allianceIds ?? [];
  if (!owners.length && !alliances.length) return { yellow: 0, red: 0, overdue: [], dueSoon: [] };
  const today = shanghaiDate(ctx.clock.now());
  const soon = shanghaiDate(Date.parse(`${today}T12:00:00+08:00`) + DUE_SOON_DAYS * 86_400_000);
  const open = and(
    eq(meetingDecisions.status, 'open'),
    sql`(${meetingDecisions.ownerOrgId} IN (SELECT value FROM json_each(${JSON.stringify(owners)})) OR ${meetingDecisions.allianceId} IN (SELECT value FROM json_each(${JSON.stringify(alliances)})))`,
  );
  const listed = { id: meetingDecisions.id, content: meetingDecisions.content, dueOn: meetingDecisions.dueOn };
  const byDue = [asc(meetingDecisions.dueOn), asc(meetingDecisions.id)] as const;
  const [[row], overdue, dueSoon] = await ctx.db.batch([
    ctx.db
      .select({
        red: sql<number>`coalesce(sum(CASE WHEN ${meetingDecisions.dueOn} < ${today} THEN 1 ELSE 0 END), 0)`,
        yellow: sql<number>`coalesce(sum(CASE WHEN ${meetingDecisions.dueOn} >= ${today} AND ${meetingDecisions.dueOn} <= ${soon} THEN 1 ELSE 0 END), 0)`,
      })
      .from(meetingDecisions)
      .where(open),
    ctx.db.select(listed).from(meetingDecisions).where(and(open, lt(meetingDecisions.dueOn, today))).orderBy(...byDue).limit(sample),
    ctx.db.select(listed).from(meetingDecisions).where(and(open, gte(meetingDecisions.dueOn, today), lte(meetingDecisions.dueOn, soon))).orderBy(...byDue).limit(sample),
  ]);
  return { yellow: Number(row?.yellow ?? 0), red: Number(row?.red ?? 0), overdue, dueSoon };
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
