import { and, asc, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { activities, type ActivityListQuery, type ActivitySummary } from '@ronghe/schema';
import { activitySummary } from './shared.ts';

/** Activities by date (newest first), filtered by alliance, kind, status and a date range; page by page. */
export async function listActivities({ ctx, input }: { ctx: Ctx; input: ActivityListQuery }): Promise<{ items: ActivitySummary[]; total: number; page: number; limit: number }> {
  const where: SQL[] = [];
  if (input.allianceId) where.push(eq(activities.allianceId, input.allianceId));
  if (input.kind) where.push(eq(activities.kind, input.kind));
  if (input.status) where.push(eq(activities.status, input.status));
  if (input.from) where.push(gte(activities.activityDate, input.from));
  if (input.to) where.push(lte(activities.activityDate, input.to));
  const limit = input.limit ?? 20;
  const page = input.page ?? 1;
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(activities)
      .where(cond)
      .orderBy(desc(activities.activityDate), asc(activities.startTime), asc(activities.id))
      .limit(limit)
      .offset((page - 1) * limit),
    ctx.db.select({ n: count() }).from(activities).where(cond),
  ]);
  const names = await loadAllianceRefs(ctx, rows.map((r) => r.allianceId));
  return {
    items: rows.map((a) => activitySummary(a, names.get(a.allianceId)?.name ?? '')),
    total: total?.n ?? 0,
    page,
    limit,
  };
}
