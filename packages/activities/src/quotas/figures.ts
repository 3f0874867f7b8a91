import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { activities, activityQuotaPlans } from '@ronghe/schema';
import { periodsOf, type QuotaRowInput } from './compliance-rules.ts';
import { DEFAULT_PLAN } from './defaults.ts';

/**
 * The annual assessment's view of an alliance's quotas (issue 12): over the
 * periods of `year` that have begun by `today`, how many held activities were
 * due (required per period) and how many of them were held — a period counts at
 * most its `required` (extra activities in one quarter do not make up for a
 * missed one). The plan is the alliance's own or the default.
 */
export async function quotaFigures(ctx: Ctx, allianceId: string, year: number, today: string): Promise<{ due: number; held: number; ownPlan: boolean }> {
  const [plans, held] = await Promise.all([
    ctx.db.select().from(activityQuotaPlans).where(and(eq(activityQuotaPlans.year, year), eq(activityQuotaPlans.allianceId, allianceId))),
    ctx.db
      .select({ kind: activities.kind, activityDate: activities.activityDate })
      .from(activities)
      .where(and(eq(activities.status, 'held'), eq(activities.allianceId, allianceId), gte(activities.activityDate, `${year}-01-01`), lte(activities.activityDate, `${year}-12-31`))),
  ]);
  const rows: readonly QuotaRowInput[] = plans.length ? plans.map((p) => ({ kind: p.kind, period: p.period, required: p.required })) : DEFAULT_PLAN;
  let due = 0;
  let got = 0;
  for (const r of rows) {
    for (const p of periodsOf(year, r.period).filter((p) => p.start <= today)) {
      due += r.required;
      got += Math.min(r.required, held.filter((h) => h.kind === r.kind && h.activityDate >= p.start && h.activityDate <= p.end).length);
    }
  }
  return { due, held: got, ownPlan: plans.length > 0 };
}

/** Quarters of `year` begun by `today`, and those of them with at least one joint meeting (seed 000 9.4: at least quarterly). */
export async function meetingQuarters(ctx: Ctx, allianceId: string, year: number, today: string): Promise<{ due: number; held: number }> {
  const rows = await ctx.db.all<{ q: number }>(sql`
    SELECT DISTINCT (CAST(substr(held_on, 6, 2) AS INTEGER) + 2) / 3 AS q
    FROM meetings WHERE alliance_id = ${allianceId} AND held_on >= ${`${year}-01-01`} AND held_on <= ${`${year}-12-31`}`);
  const due = periodsOf(year, 'quarter').filter((p) => p.start <= today).length;
  return { due, held: Math.min(due, rows.length) };
}
