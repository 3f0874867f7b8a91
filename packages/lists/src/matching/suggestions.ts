import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { inList, notFound, type Ctx } from '@ronghe/core';
import { suggest, type MatchOptions, type Suggestion } from '@ronghe/matching';
import { listCategories, matchRejections, needs, resources } from '@ronghe/schema';
import { today } from '../shared/dates.ts';
import { isOverdueNeed } from '../needs/overdue.ts';
import { remainingOf } from '../needs/status.ts';
import { selectNeeds, viewsWithPlaces } from '../needs/view.ts';
import { placeNames } from '../places/names.ts';
import { resourceViewsWithPlaces, selectResources } from '../resources/view.ts';
import { toMatchNeed, servesOf, toMatchResource, orgLoadsQuery, loadsOf, type EngineResource } from './engine-input.ts';
import { pairReasons } from './reasons.ts';

/** Candidates as the engine reads them: the resource's own columns only, no joins (the joined view is read for the few shown). */
const engineColumns = (r: typeof resources) => ({
  id: r.id,
  allianceId: r.allianceId,
  offeringOrgId: r.offeringOrgId,
  categoryId: r.categoryId,
  unit: r.unit,
  capacity: r.capacity,
  allocatedQty: r.allocatedQty,
  availableFrom: r.availableFrom,
  availableTo: r.availableTo,
  streetCode: r.streetCode,
  communityCode: r.communityCode,
  gridName: r.gridName,
  lat: r.lat,
  lng: r.lng,
  scope: r.scope,
  radiusM: r.radiusM,
});

/**
 * Ranked resources for one need (county-wide; the engine prefers the need's own alliance), with the pairs people refused.
 * Three round trips (issue 15 § 3): the need, taxonomy and refusals; the candidates and their organizations' loads;
 * the shown resources' views and every place name.
 */
export async function suggestionsFor({ ctx, input }: { ctx: Ctx; input: { needId: string; limit?: number } }) {
  const [[needRow], catRows, refused] = await ctx.db.batch([
    selectNeeds(ctx).where(eq(needs.id, input.needId)).limit(1),
    ctx.db.select().from(listCategories),
    ctx.db
      .select({ needId: matchRejections.needId, resourceId: matchRejections.resourceId, reason: matchRejections.reason, resourceTitle: resources.title })
      .from(matchRejections)
      .innerJoin(resources, eq(resources.id, matchRejections.resourceId))
      .where(eq(matchRejections.needId, input.needId)),
  ]);
  if (!needRow) throw notFound('需求');
  const n = needRow.n;
  const cats = new Map(catRows.map((c) => [c.id, c]));
  const servingCats = [...cats.values()].filter((c) => servesOf(cats, c.id).includes(n.categoryId)).map((c) => c.id);
  // Only resources that could reach the need: county-wide ones, those of its street, and those a radius decides.
  // The engine still checks every constraint; this only keeps a county's other streets out of the read.
  const candidate = (r: Record<'status' | 'categoryId' | 'scope' | 'streetCode' | 'radiusM' | 'lat', AnyColumn>): SQL =>
    and(
      eq(r.status, 'available'),
      inList(r.categoryId, servingCats),
      n.streetCode
        ? sql`(${r.scope} = 'county' OR ${r.streetCode} = ${n.streetCode} OR (${r.radiusM} IS NOT NULL AND ${r.lat} IS NOT NULL))`
        : sql`(${r.scope} = 'county' OR (${r.radiusM} IS NOT NULL AND ${r.lat} IS NOT NULL))`,
    )!;
  const c = alias(resources, 'cand');
  const [rows, loads] = await ctx.db.batch([
    ctx.db.select(engineColumns(resources)).from(resources).where(candidate(resources)),
    // The loads of the candidates' organizations, in the same round trip.
    orgLoadsQuery(ctx, inArray(resources.offeringOrgId, ctx.db.select({ org: c.offeringOrgId }).from(c).where(candidate(c)))),
  ]);
  const excluded = new Set(refused.map((r) => `${r.needId}|${r.resourceId}`));
  const options: MatchOptions = { today: today(ctx), excluded, orgLoad: loadsOf(loads) };
  // An overdue need is not matched until the alliance extends its deadline (or closes it).
  const ranked: Suggestion[] =
    remainingOf(n) > 0 && (n.status === 'open' || n.status === 'partly_met') && !isOverdueNeed(n, options.today)
      ? suggest(toMatchNeed(ctx, n), rows.map((x) => toMatchResource(ctx, x, cats)), options, { limit: input.limit ?? 10 })
      : [];
  const byId = new Map<string, EngineResource>(rows.map((x) => [x.id, x]));
  const shown = ranked.map((s) => byId.get(s.resourceId)!);
  const [views, places] = await Promise.all([
    ranked.length ? selectResources(ctx).where(inList(resources.id, ranked.map((s) => s.resourceId))) : Promise.resolve([]),
    placeNames(ctx, [n.streetCode, n.communityCode, ...shown.flatMap((r) => [r.streetCode, r.communityCode])]),
  ]);
  const viewById = new Map(resourceViewsWithPlaces(ctx, views, places).map((v) => [v.id, v]));
  return {
    need: viewsWithPlaces(ctx, [needRow], places)[0]!,
    suggestions: ranked.map((s) => ({
      resource: viewById.get(s.resourceId)!,
      quantity: s.quantity,
      cost: s.cost,
      factors: s.factors,
      reasons: pairReasons(cats, n, byId.get(s.resourceId)!.categoryId, s.factors),
    })),
    rejected: refused.map((r) => ({ resourceId: r.resourceId, resourceTitle: r.resourceTitle, reason: r.reason })),
  };
}
