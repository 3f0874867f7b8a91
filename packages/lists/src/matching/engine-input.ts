import { and, ne, sql, type SQL } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
import { type MatchNeed, type MatchResource } from '@ronghe/matching';
import { matchRejections, resources, type ListCategory, type Need, type Resource } from '@ronghe/schema';
import { remainingOf } from '../needs/status.ts';

// The API side of the matching engine (ADR 0008): D1 rows in, `@ronghe/matching`
// in the middle, people's decisions out. Suggestions and assignments only read;
// accepting commits quantities in one batch the CHECK constraints guard.

export const OPEN_NEED = ['open', 'partly_met'] as const;

function placeOf(ctx: Ctx, x: Pick<Need, 'streetCode' | 'communityCode' | 'gridName' | 'lat' | 'lng'>) {
  return { county: ctx.tenant.code, street: x.streetCode, community: x.communityCode, grid: x.gridName, lat: x.lat, lng: x.lng };
}

/**
 * Quantities are compared in one unit: a need counted in 场 is not met by a
 * resource counted in 人次. The engine sees "category in a unit" as its
 * category, so a unit mismatch is a category mismatch to it.
 */
export const unitKey = (unit: string) => unit.replace(/\s+/g, '');
const inUnit = (categoryId: string, unit: string) => `${categoryId}|${unitKey(unit)}`;

export function toMatchNeed(ctx: Ctx, n: Need): MatchNeed {
  return { id: n.id, allianceId: n.allianceId, category: inUnit(n.categoryId, n.unit), remaining: remainingOf(n), urgency: n.urgency as MatchNeed['urgency'], deadline: n.deadline, place: placeOf(ctx, n) };
}

/** A resource serves its own category and those its category lists as compatible. */
export function servesOf(cats: ReadonlyMap<string, ListCategory>, categoryId: string): string[] {
  return [categoryId, ...(cats.get(categoryId)?.alsoServes ?? [])];
}

/** The columns of a resource the engine reads: suggestions load only these for every candidate. */
export type EngineResource = Pick<
  Resource,
  'id' | 'allianceId' | 'offeringOrgId' | 'categoryId' | 'unit' | 'capacity' | 'allocatedQty' | 'availableFrom' | 'availableTo' | 'streetCode' | 'communityCode' | 'gridName' | 'lat' | 'lng' | 'scope' | 'radiusM'
>;

export function toMatchResource(ctx: Ctx, r: EngineResource, cats: ReadonlyMap<string, ListCategory>): MatchResource {
  return {
    id: r.id,
    allianceId: r.allianceId,
    orgId: r.offeringOrgId,
    serves: servesOf(cats, r.categoryId).map((c) => inUnit(c, r.unit)),
    remaining: Math.max(0, r.capacity - r.allocatedQty),
    availableFrom: r.availableFrom,
    availableTo: r.availableTo,
    place: placeOf(ctx, r),
    scope: r.scope,
    radiusM: r.radiusM,
  };
}

/** Each offering organization's promised and total capacity over all its resources in use, for the organizations `orgs` selects. */
export function orgLoadsQuery(ctx: Ctx, orgs: SQL) {
  return ctx.db
    .select({ org: resources.offeringOrgId, allocated: sql<number>`sum(${resources.allocatedQty})`.mapWith(Number), capacity: sql<number>`sum(${resources.capacity})`.mapWith(Number) })
    .from(resources)
    .where(and(orgs, ne(resources.status, 'withdrawn')))
    .groupBy(resources.offeringOrgId);
}

/** Share of each organization's capacity already promised. */
export const loadsOf = (rows: ReadonlyArray<{ org: string; allocated: number; capacity: number }>): Map<string, number> =>
  new Map(rows.map((r) => [r.org, r.capacity > 0 ? r.allocated / r.capacity : 0]));

/** Share of each offering organization's capacity already promised, over all its resources in use. */
export async function orgLoads(ctx: Ctx, orgIds: string[]): Promise<Map<string, number>> {
  if (!orgIds.length) return new Map();
  return loadsOf(await orgLoadsQuery(ctx, inList(resources.offeringOrgId, [...new Set(orgIds)])));
}

export async function rejectedPairs(ctx: Ctx, needIds: string[]): Promise<Set<string>> {
  if (!needIds.length) return new Set();
  const rows = await ctx.db.select({ n: matchRejections.needId, r: matchRejections.resourceId }).from(matchRejections).where(inList(matchRejections.needId, needIds));
  return new Set(rows.map((x) => `${x.n}|${x.r}`));
}
