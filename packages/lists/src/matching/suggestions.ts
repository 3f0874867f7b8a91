import { and, eq, inArray, sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { inBoundList, notFound, ph, preparedRead, runPreparedReads, type Ctx, type PreparedRead } from '@ronghe/core';
import { prepareCandidates, suggestFromPool, type MatchOptions, type Suggestion } from '@ronghe/matching';
import { listCategories, matchRejections, needs, resources, type ListCategory } from '@ronghe/schema';
import { today } from '../shared/dates.ts';
import { isOverdueNeed } from '../needs/overdue.ts';
import { remainingOf } from '../needs/status.ts';
import { selectNeeds, viewsWithPlaces } from '../needs/view.ts';
import { placeNamesOf, placeNamesRead } from '../places/names.ts';
import { resourceViewsWithPlaces, selectResources, type ResourceRow } from '../resources/view.ts';
import { countsRead, versionsOf } from '../shared/counted-cache.ts';
import { CANDIDATE_TABLES, candidateCache, CandidateCache, type CandidateSet } from './candidate-cache.ts';
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

type Candidate = Record<'status' | 'categoryId' | 'scope' | 'streetCode' | 'radiusM' | 'lat', AnyColumn>;

/**
 * Only resources that could reach a need of category `category` on street `street`: of a category that serves it
 * (its own, or one whose alsoServes lists it), and county-wide, of its street, or decided by a radius. The engine
 * still checks every constraint; this only keeps a county's other streets out of the read. A need without a
 * street matches no street (`= NULL` is never true).
 */
const candidate = (r: Candidate, category: SQL | Placeholder<string, unknown>, street: SQL | Placeholder<string, unknown>): SQL =>
  and(
    eq(r.status, 'available'),
    sql`${r.categoryId} IN (SELECT c.id FROM ${listCategories} c WHERE c.id = ${category} OR EXISTS (SELECT 1 FROM json_each(c.also_serves) WHERE value = ${category}))`,
    sql`(${r.scope} = 'county' OR ${r.streetCode} = ${street} OR (${r.radiusM} IS NOT NULL AND ${r.lat} IS NOT NULL))`,
  )!;

/** The statements of a need's suggestions, each built once per isolate (ADR 0032); exported for the check that the kept ones read counted tables only. */
export function suggestionReads(ctx: Ctx, needId: string) {
  const byNeed = { needId };
  const needCol = (col: 'category_id' | 'street_code') => sql`(SELECT ${sql.raw(col)} FROM ${needs} WHERE ${needs.id} = ${ph('needId')})`;
  // The candidates and their organizations' loads, for the need's own category and street read inside the
  // statement (`need`: in the need's round trip), or for a category and street read before (`place`).
  const candidatesBy = (shape: 'need' | 'place', values: Record<string, unknown>) => {
    const category = () => (shape === 'need' ? needCol('category_id') : ph('categoryId'));
    const street = () => (shape === 'need' ? needCol('street_code') : ph('streetCode'));
    return [
      preparedRead(ctx.db, `suggestions.candidates:${shape}`, () => ctx.db.select(engineColumns(resources)).from(resources).where(candidate(resources, category(), street())), values),
      preparedRead(
        ctx.db,
        `suggestions.loads:${shape}`,
        () => {
          const c = alias(resources, 'cand');
          return orgLoadsQuery(ctx, inArray(resources.offeringOrgId, ctx.db.select({ org: c.offeringOrgId }).from(c).where(candidate(c, category(), street()))));
        },
        values,
      ),
    ] as const;
  };
  return {
    need: () => preparedRead(ctx.db, 'suggestions.need', () => selectNeeds(ctx).where(eq(needs.id, ph('needId'))).limit(1), byNeed),
    categories: () => preparedRead(ctx.db, 'suggestions.categories', () => ctx.db.select().from(listCategories)),
    refused: () =>
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
    candidatesOfNeed: () => candidatesBy('need', byNeed),
    candidatesOfPlace: (categoryId: string, streetCode: string | null) => candidatesBy('place', { categoryId, streetCode }),
  };
}

function candidateSet(ctx: Ctx, rows: EngineResource[], loads: Parameters<typeof loadsOf>[0], catRows: ListCategory[]): CandidateSet {
  const cats = new Map(catRows.map((c) => [c.id, c]));
  return {
    cats,
    byId: new Map(rows.map((x) => [x.id, x])),
    pool: prepareCandidates(
      rows.map((x) => toMatchResource(ctx, x, cats)),
      { orgLoad: loadsOf(loads) },
    ),
  };
}

/**
 * Ranked resources for one need (county-wide; the engine prefers the need's own alliance), with the pairs people refused.
 * The first round trip reads the need, refusals and change counts, and the taxonomy and the candidates with their
 * organizations' loads unless this isolate holds the set the need was last ranked against (ADR 0034); a set read
 * under other counts, or a need that moved to another category or street, costs one more round trip. The last
 * round trip reads the shown resources' views and every place name. Each statement is built once per isolate, its
 * values bound (ADR 0032).
 */
export async function suggestionsFor({ ctx, input, cache = candidateCache }: { ctx: Ctx; input: { needId: string; limit?: number }; cache?: CandidateCache }) {
  const tenant = ctx.tenant.slug;
  const r = suggestionReads(ctx, input.needId);
  const known = cache.knows(tenant, input.needId);
  // A known set carries the taxonomy it was read with (its counts cover list_categories): no need to read it again.
  const [[needRow], refused, versionRows, ...withCandidates] = known
    ? await runPreparedReads(ctx.db, [r.need(), r.refused(), countsRead(ctx)])
    : await runPreparedReads(ctx.db, [r.need(), r.refused(), countsRead(ctx), r.categories(), ...r.candidatesOfNeed()]);
  if (!needRow) throw notFound('需求');
  const n = needRow.n;
  const key = CandidateCache.key(tenant, n.categoryId, n.streetCode);
  let set: CandidateSet | undefined;
  if (withCandidates.length) {
    // Read in the same batch as the need's row and the counts: one consistent state.
    const [catRows, rows, loads] = withCandidates as [ListCategory[], EngineResource[], Parameters<typeof loadsOf>[0]];
    set = candidateSet(ctx, rows, loads, catRows);
    cache.sets.set(key, versionsOf(versionRows, CANDIDATE_TABLES), set);
  } else {
    set = cache.sets.get(key, versionsOf(versionRows, CANDIDATE_TABLES));
    if (!set) {
      // The counts, taxonomy and candidates of one batch: the set is stored under the counts it was read with.
      const [again, catRows, rows, loads] = await runPreparedReads(ctx.db, [countsRead(ctx), r.categories(), ...r.candidatesOfPlace(n.categoryId, n.streetCode)]);
      set = candidateSet(ctx, rows, loads, catRows);
      cache.sets.set(key, versionsOf(again, CANDIDATE_TABLES), set);
    }
  }
  const cats = set.cats;
  cache.remember(tenant, input.needId, key);
  const excluded = new Set(refused.map((x) => `${x.needId}|${x.resourceId}`));
  const options: MatchOptions = { today: today(ctx), excluded };
  // An overdue need is not matched until the alliance extends its deadline (or closes it).
  const ranked: Suggestion[] =
    remainingOf(n) > 0 && (n.status === 'open' || n.status === 'partly_met') && !isOverdueNeed(n, options.today)
      ? suggestFromPool(toMatchNeed(ctx, n), set.pool, options, { limit: input.limit ?? 10 })
      : [];
  const byId = set.byId;
  const shown = ranked.map((s) => byId.get(s.resourceId)!);
  const placesRead = placeNamesRead(ctx, [n.streetCode, n.communityCode, ...shown.flatMap((x) => [x.streetCode, x.communityCode])]);
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
    rejected: refused.map((x) => ({ resourceId: x.resourceId, resourceTitle: x.resourceTitle, reason: x.reason })),
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
