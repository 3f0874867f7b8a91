import { and, eq, sql } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
import { suggest, type MatchOptions, type Suggestion } from '@ronghe/matching';
import { matchRejections, needs, resources } from '@ronghe/schema';
import { loadCategories } from '../categories/lookup.ts';
import { today } from '../shared/dates.ts';
import { getNeed } from '../needs/get.ts';
import { resourceRows, resourceViews } from '../resources/view.ts';
import { toMatchNeed, servesOf, toMatchResource, orgLoads } from './engine-input.ts';
import { pairReasons } from './reasons.ts';

/** Ranked resources for one need (county-wide; the engine prefers the need's own alliance), with the pairs people refused. */
export async function suggestionsFor({ ctx, input }: { ctx: Ctx; input: { needId: string; limit?: number } }) {
  // The need (as people see it and as the engine reads it), the taxonomy and the refused pairs, in parallel.
  const [need, cats, [needRow], refused] = await Promise.all([
    getNeed({ ctx, input: { id: input.needId } }),
    loadCategories(ctx),
    ctx.db.select().from(needs).where(eq(needs.id, input.needId)),
    ctx.db
      .select({ needId: matchRejections.needId, resourceId: matchRejections.resourceId, reason: matchRejections.reason, resourceTitle: resources.title })
      .from(matchRejections)
      .innerJoin(resources, eq(resources.id, matchRejections.resourceId))
      .where(eq(matchRejections.needId, input.needId)),
  ]);
  const servingCats = [...cats.values()].filter((c) => servesOf(cats, c.id).includes(need.categoryId)).map((c) => c.id);
  // Only resources that could reach the need: county-wide ones, those of its street, and those a radius decides.
  // The engine still checks every constraint; this only keeps a county's other streets out of the read.
  const reachable = needRow!.streetCode
    ? sql`(${resources.scope} = 'county' OR ${resources.streetCode} = ${needRow!.streetCode} OR (${resources.radiusM} IS NOT NULL AND ${resources.lat} IS NOT NULL))`
    : sql`(${resources.scope} = 'county' OR (${resources.radiusM} IS NOT NULL AND ${resources.lat} IS NOT NULL))`;
  const rows = await resourceRows(ctx, and(eq(resources.status, 'available'), inList(resources.categoryId, servingCats), reachable));
  const excluded = new Set(refused.map((r) => `${r.needId}|${r.resourceId}`));
  const options: MatchOptions = { today: today(ctx), excluded, orgLoad: await orgLoads(ctx, rows.map((x) => x.r.offeringOrgId)) };
  // An overdue need is not matched until the alliance extends its deadline (or closes it).
  const ranked: Suggestion[] = need.remainingQty > 0 && (need.status === 'open' || need.status === 'partly_met') && !need.overdue
    ? suggest(toMatchNeed(ctx, needRow!), rows.map((x) => toMatchResource(ctx, x.r, cats)), options, { limit: input.limit ?? 10 })
    : [];
  const byId = new Map(rows.map((x) => [x.r.id, x]));
  const views = new Map((await resourceViews(ctx, ranked.map((s) => byId.get(s.resourceId)!))).map((v) => [v.id, v]));
  return {
    need,
    suggestions: ranked.map((s) => ({
      resource: views.get(s.resourceId)!,
      quantity: s.quantity,
      cost: s.cost,
      factors: s.factors,
      reasons: pairReasons(cats, needRow!, byId.get(s.resourceId)!.r.categoryId, s.factors),
    })),
    rejected: refused.map((r) => ({ resourceId: r.resourceId, resourceTitle: r.resourceTitle, reason: r.reason })),
  };
}
