import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, activities, activityQuotaPlans, QUOTA_PERIOD_LABELS, QUOTA_STANDING_LABELS, type QuotaPlanView } from '@ronghe/schema';
import { rowStanding, worstStanding, type QuotaRowInput } from './compliance-rules.ts';
import { DEFAULT_PLAN } from './defaults.ts';

/**
 * The quota plans of some alliances for a year with each row's standing on
 * `today`: two reads (the plan rows, the held activities' dates grouped by
 * alliance and kind) whatever the number of alliances (the ids travel as one
 * json_each value, so D1's 100 bound parameters are never reached).
 */
export async function planViews(ctx: Ctx, alliances: ReadonlyArray<{ id: string; name: string }>, year: number, today: string): Promise<QuotaPlanView[]> {
  if (!alliances.length) return [];
  const ids = alliances.map((a) => a.id);
  const [plans, held] = await Promise.all([
    ctx.db
      .select()
      .from(activityQuotaPlans)
      .where(and(eq(activityQuotaPlans.year, year), inList(activityQuotaPlans.allianceId, ids))),
    ctx.db
      .select({ allianceId: activities.allianceId, kind: activities.kind, activityDate: activities.activityDate, n: sql<number>`count(*)` })
      .from(activities)
      .where(
        and(
          eq(activities.status, 'held'),
          gte(activities.activityDate, `${year}-01-01`),
          lte(activities.activityDate, `${year}-12-31`),
          inList(activities.allianceId, ids),
        ),
      )
      .groupBy(activities.allianceId, activities.kind, activities.activityDate),
  ]);
  const plansOf = new Map<string, QuotaRowInput[]>();
  for (const p of plans) plansOf.set(p.allianceId, [...(plansOf.get(p.allianceId) ?? []), { kind: p.kind, period: p.period, required: p.required }]);
  const datesOf = new Map<string, string[]>();
  for (const h of held) {
    const key = `${h.allianceId}|${h.kind}`;
    const list = datesOf.get(key) ?? [];
    for (let i = 0; i < Number(h.n); i++) list.push(h.activityDate);
    datesOf.set(key, list);
  }
  return alliances.map((a) => {
    // Rows in the kinds' catalogue order, whatever order the database returns them in.
    const own = plansOf.get(a.id)?.sort((x, y) => ACTIVITY_KINDS.indexOf(x.kind) - ACTIVITY_KINDS.indexOf(y.kind));
    const rows = (own ?? DEFAULT_PLAN).map((r) => {
      const s = rowStanding(r, year, datesOf.get(`${a.id}|${r.kind}`) ?? [], today);
      return { ...r, kindLabel: ACTIVITY_KIND_LABELS[r.kind], periodLabel: QUOTA_PERIOD_LABELS[r.period], ...s, standingLabel: QUOTA_STANDING_LABELS[s.standing] };
    });
    const standing = worstStanding(rows.map((r) => r.standing));
    return { allianceId: a.id, allianceName: a.name, year, isDefault: !own, asOf: today, standing, standingLabel: QUOTA_STANDING_LABELS[standing], rows };
  });
}
