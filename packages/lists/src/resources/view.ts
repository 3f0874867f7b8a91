import { eq, sql, type SQL } from 'drizzle-orm';
import { allianceScopeJoin } from '@ronghe/alliance/read';
import { notFound, type Ctx } from '@ronghe/core';
import { orgJoin } from '@ronghe/registry/read';
import { listCategories, resources, type ResourceView } from '@ronghe/schema';
import { allianceRefOf, mayOn, type AllianceRef } from '../shared/alliance.ts';
import { placeLabel, placeNames } from '../places/names.ts';

const scope = allianceScopeJoin('res_committee');
export const offering = orgJoin('res_offering');

/** The offering organization keeps its own resources; the lead and the county keep the alliance's list. */
export function mayEdit(ctx: Ctx, a: AllianceRef, offeringOrgId: string): boolean {
  return mayOn(ctx, 'resource.manage', a, offeringOrgId);
}

export function selectResources(ctx: Ctx) {
  return ctx.db
    .select({
      r: resources,
      ...scope.columns,
      categoryName: sql<string>`${listCategories.name}`.as('category_name'),
      offeringOrgName: sql<string>`${offering.name}`.as('offering_org_name'),
    })
    .from(resources)
    .innerJoin(scope.alliances, scope.on(resources.allianceId))
    .innerJoin(scope.committee, scope.committeeOn)
    .innerJoin(listCategories, eq(listCategories.id, resources.categoryId))
    .innerJoin(offering, eq(offering.id, resources.offeringOrgId));
}
export type ResourceRow = Awaited<ReturnType<ReturnType<typeof selectResources>['all']>>[number];

export const refOf = (x: ResourceRow): AllianceRef => allianceRefOf(x.r.allianceId, x);

function toView(ctx: Ctx, x: ResourceRow, places: Map<string, string>): ResourceView {
  const r = x.r;
  const editable = r.status !== 'withdrawn' && mayEdit(ctx, refOf(x), r.offeringOrgId);
  return {
    id: r.id,
    allianceId: r.allianceId,
    allianceName: x.allianceName,
    offeringOrgId: r.offeringOrgId,
    offeringOrgName: x.offeringOrgName,
    title: r.title,
    description: r.description,
    kind: r.kind,
    categoryId: r.categoryId,
    categoryName: x.categoryName,
    capacity: r.capacity,
    unit: r.unit,
    allocatedQty: r.allocatedQty,
    remainingQty: r.status === 'withdrawn' ? 0 : r.capacity - r.allocatedQty,
    streetCode: r.streetCode,
    communityCode: r.communityCode,
    placeName: placeLabel(places, r.streetCode, r.communityCode),
    gridName: r.gridName,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    scope: r.scope,
    radiusM: r.radiusM,
    availableFrom: r.availableFrom,
    availableTo: r.availableTo,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    can: { update: editable, withdraw: editable },
  };
}

export async function resourceViews(ctx: Ctx, rows: ResourceRow[]): Promise<ResourceView[]> {
  return resourceViewsWithPlaces(ctx, rows, await placeNames(ctx, rows.flatMap((x) => [x.r.streetCode, x.r.communityCode])));
}

/** For a caller that reads the place names together with other rows, saving a round trip. */
export function resourceViewsWithPlaces(ctx: Ctx, rows: ResourceRow[], places: Map<string, string>): ResourceView[] {
  return rows.map((x) => toView(ctx, x, places));
}

/** Resources by id with their alliance scope (for matching). */
export async function resourceRows(ctx: Ctx, where: SQL | undefined): Promise<ResourceRow[]> {
  return selectResources(ctx).where(where);
}

export async function findRow(ctx: Ctx, id: string): Promise<ResourceRow> {
  const [row] = await selectResources(ctx).where(eq(resources.id, id)).limit(1);
  if (!row) throw notFound('资源');
  return row;
}
