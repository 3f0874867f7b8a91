import { eq, sql } from 'drizzle-orm';
import { allianceScopeJoin } from '@ronghe/alliance/read';
import { maskPhone, notFound, type Ctx } from '@ronghe/core';
import { orgJoin } from '@ronghe/registry/read';
import { listCategories, needs, type Need, type NeedStatus, type NeedView } from '@ronghe/schema';
import { allianceRefOf, mayOn, type AllianceRef } from '../shared/alliance.ts';
import { placeLabel, placeNames } from '../places/names.ts';
import { today } from '../shared/dates.ts';
import { isOverdueNeed } from './overdue.ts';
import { remainingOf } from './status.ts';

const scope = allianceScopeJoin('need_committee');
const raiser = orgJoin('need_raiser');

export const isFinal = (s: NeedStatus) => s === 'closed' || s === 'cancelled';

/** Whoever may raise a need for its organization may edit or withdraw it (closing is the alliance's). */
export function mayEdit(ctx: Ctx, a: AllianceRef, n: Pick<Need, 'raisedByOrgId'>): boolean {
  return mayOn(ctx, 'need.create', a, n.raisedByOrgId);
}

export function selectNeeds(ctx: Ctx) {
  return ctx.db
    .select({
      n: needs,
      ...scope.columns,
      categoryName: sql<string>`${listCategories.name}`.as('category_name'),
      raisedByOrgName: sql<string | null>`${raiser.name}`.as('raised_by_org_name'),
    })
    .from(needs)
    .innerJoin(scope.alliances, scope.on(needs.allianceId))
    .innerJoin(scope.committee, scope.committeeOn)
    .innerJoin(listCategories, eq(listCategories.id, needs.categoryId))
    .leftJoin(raiser, eq(raiser.id, needs.raisedByOrgId));
}
export type NeedRow = Awaited<ReturnType<ReturnType<typeof selectNeeds>['all']>>[number];

export const refOf = (r: NeedRow): AllianceRef => allianceRefOf(r.n.allianceId, r);

function toView(ctx: Ctx, r: NeedRow, places: Map<string, string>): NeedView {
  const n = r.n;
  const a = refOf(r);
  const remaining = remainingOf(n);
  const editable = !isFinal(n.status) && mayEdit(ctx, a, n);
  const unallocated = n.committedQty + n.inDeliveryQty === 0;
  return {
    id: n.id,
    allianceId: n.allianceId,
    allianceName: r.allianceName,
    title: n.title,
    description: n.description,
    source: n.source,
    categoryId: n.categoryId,
    categoryName: r.categoryName,
    quantity: n.quantity,
    unit: n.unit,
    streetCode: n.streetCode,
    communityCode: n.communityCode,
    placeName: placeLabel(places, n.streetCode, n.communityCode),
    gridName: n.gridName,
    address: n.address,
    lat: n.lat,
    lng: n.lng,
    urgency: n.urgency,
    deadline: n.deadline,
    raisedByOrgId: n.raisedByOrgId,
    raisedByOrgName: r.raisedByOrgName,
    raiserName: n.raiserName,
    raiserPhone: mayOn(ctx, 'list.read_pii', a, n.raisedByOrgId) ? n.raiserPhone : maskPhone(n.raiserPhone),
    committedQty: n.committedQty,
    inDeliveryQty: n.inDeliveryQty,
    fulfilledQty: n.fulfilledQty,
    remainingQty: remaining,
    status: n.status,
    overdue: isOverdueNeed(n, today(ctx)),
    closedReason: n.closedReason,
    version: n.version,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    can: {
      update: editable,
      withdraw: editable && unallocated && n.fulfilledQty === 0,
      close: !isFinal(n.status) && n.status !== 'met' && unallocated && mayOn(ctx, 'need.manage', a, null),
      match: remaining > 0 && !isFinal(n.status) && mayOn(ctx, 'match.run', a, null),
      // The overdue review's other answer: a new deadline for a need still waiting.
      extend: (n.status === 'open' || n.status === 'partly_met') && mayOn(ctx, 'need.manage', a, null),
    },
  };
}

export async function viewsOf(ctx: Ctx, rows: NeedRow[]): Promise<NeedView[]> {
  return viewsWithPlaces(ctx, rows, await placeNames(ctx, rows.flatMap((r) => [r.n.streetCode, r.n.communityCode])));
}

/** For a caller that reads the place names together with other rows, saving a round trip. */
export function viewsWithPlaces(ctx: Ctx, rows: NeedRow[], places: Map<string, string>): NeedView[] {
  return rows.map((r) => toView(ctx, r, places));
}

export async function findNeedRow(ctx: Ctx, id: string): Promise<NeedRow> {
  const [row] = await selectNeeds(ctx).where(eq(needs.id, id)).limit(1);
  if (!row) throw notFound('需求');
  return row;
}
