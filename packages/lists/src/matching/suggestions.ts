import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { inBoundList, notFound, ph, preparedRead, runPreparedReads, type Ctx, type PreparedRead } from '@ronghe/core';
import { suggest, type MatchOptions, type Suggestion } from '@ronghe/matching';
import { listCategories, matchRejections, needs, resources } from '@ronghe/schema';
import { today } from '../shared/dates.ts';
import { isOverdueNeed } from '../needs/overdue.ts';
import { remainingOf } from '../needs/status.ts';
import { selectNeeds, viewsWithPlaces } from '../needs/view.ts';
import { placeNamesOf, placeNamesRead } from '../places/names.ts';
import { resourceViewsWithPlaces, selectResources, type ResourceRow } from '../resources/view.ts';
import { toMatchNeed, toMatchResource, orgLoadsQuery, loadsOf, type EngineResource } from './engine-input.ts';
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
 * Two round trips (issue 15 § 3): the need, taxonomy, refusals, the candidates and their organizations' loads; then
 * the shown resources' views and every place name. Each statement is built once per isolate, the need's id bound
 * (ADR 0032): there is one shape.
 */
export async function suggestionsFor({ ctx, input }: { ctx: Ctx; input: { needId: string; limit?: number } }) {
  const byNeed = { needId: input.needId };
  const need = () => ctx.db.select({ categoryId: needs.categoryId, streetCode: needs.streetCode }).from(needs).where(eq(needs.id, ph('needId')));
  // Only resources that could reach the need: of a category that serves the need's (its own, or one whose
  // alsoServes lists it), and county-wide, of its street, or decided by a radius. The engine still checks every
  // constraint; this only keeps a county's other streets out of the read. Both come from the need's own row inside
  // the statement, so the candidates travel in the need's round trip (a need without a street matches no street).
  const candidate = (r: Record<'status' | 'categoryId' | 'scope' | 'streetCode' | 'radiusM' | 'lat', AnyColumn>): SQL =>
    and(
      eq(r.status, 'available'),
      sql`${r.categoryId} IN (SELECT c.id FROM ${listCategories} c, ${need()} n WHERE c.id = n.category_id OR EXISTS (SELECT 1 FROM json_each(c.also_serves) WHERE value = n.category_id))`,
      sql`(${r.scope} = 'county' OR ${r.streetCode} = (SELECT street_code FROM ${need()}) OR (${r.radiusM} IS NOT NULL AND ${r.lat} IS NOT NULL))`,
    )!;
  const [[needRow], catRows, refused, rows, loads] = await runPreparedReads(ctx.db, [
    preparedRead(ctx.db, 'suggestions.need', () => selectNeeds(ctx).where(eq(needs.id, ph('needId'))).limit(1), byNeed),
    preparedRead(ctx.db, 'suggestions.categories', () => ctx.db.select().from(listCategories)),
    preparedRead(
      ctx.db,
      'suggestions.refused',
      () =>
        ctx.db
          .select({ needId: matchRejections.needId, resourceId: matchRejections.resourceId, reason: matchRejections.reason, resourceTitle: resources.title })
          .from(matchRejections)
          .innerJoin(resources, eq(resources.id, matchRejections.resourceId))
          .where(eq(matchRejections.needId, ph('needId'))),
      byNeed,
    ),
    preparedRead(ctx.db, 'suggestions.candidates', () => ctx.db.select(engineColumns(resources)).from(resources).where(candidate(resources)), byNeed),
    // The loads of the candidates' organizations, in the same round trip.
    preparedRead(
      ctx.db,
      'suggestions.loads',
      () => {
        const c = alias(resources, 'cand');
        return orgLoadsQuery(ctx, inArray(resources.offeringOrgId, ctx.db.select({ org: c.offeringOrgId }).from(c).where(candidate(c))));
      },
      byNeed,
    ),
  ]);
  if (!needRow) throw notFound('需求');
  const n = needRow.n;
  const cats = new Map(catRows.map((c) => [c.id, c]));
  const excluded = new Set(refused.map((r) => `${r.needId}|${r.resourceId}`));
  const options: MatchOptions = { today: today(ctx), excluded, orgLoad: loadsOf(loads) };
  // An overdue need is not matched until the alliance extends its deadline (or closes it).
  const ranked: Suggestion[] =
    remainingOf(n) > 0 && (n.status === 'open' || n.status === 'partly_met') && !isOverdueNeed(n, options.today)
      ? suggest(toMatchNeed(ctx, n), rows.map((x) => toMatchResource(ctx, x, cats)), options, { limit: input.limit ?? 10 })
      : [];
  const byId = new Map<string, EngineResource>(rows.map((x) => [x.id, x]));
  const shown = ranked.map((s) => byId.get(s.resourceId)!);
  const placesRead = placeNamesRead(ctx, [n.streetCode, n.communityCode, ...shown.flatMap((r) => [r.streetCode, r.communityCode])]);
  const viewsRead = ranked.length
    ? preparedRead(ctx.db, 'suggestions.shown', () => selectResources(ctx).where(inBoundList(resources.id, 'ids')), { ids: JSON.stringify(ranked.map((s) => s.resourceId)) })
    : null;
  const [placeRows, views] = placesRead || viewsRead ? await readShown(ctx, placesRead, viewsRead) : [[], []];
  const places = placeNamesOf(placeRows);
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

type PlacesRead = NonNullable<ReturnType<typeof placeNamesRead>>;
type ShownRead = PreparedRead<ResourceRow[]>;

/** The shown resources' views and the place names in one round trip, either read left out when it has nothing to read. */
async function readShown(ctx: Ctx, places: PlacesRead | null, views: ShownRead | null): Promise<[Array<{ code: string | null; name: string }>, ResourceRow[]]> {
  if (places && views) return runPreparedReads(ctx.db, [places, views]);
  if (places) return [(await runPreparedReads(ctx.db, [places]))[0], []];
  return [[], (await runPreparedReads(ctx.db, [views!]))[0]];
}
