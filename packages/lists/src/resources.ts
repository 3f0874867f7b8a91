import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError, auditInsert, decodeCursor, encodeCursor, nameContains, newId, notFound, PAGE_SIZE_DEFAULT, textContains, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import {
  alliances,
  listCategories,
  organizations,
  resources,
  type Resource,
  type ResourceCreateInput,
  type ResourceListQuery,
  type ResourceStatus,
  type ResourceUpdateInput,
  type ResourceView,
} from '@ronghe/schema';
import { allianceRefOf, allianceScopeColumns, assertListsOpen, categoryErrors, currentMemberIds, guardedListUpdate, mayOn, placeLabel, placeNames, refuseFields, requireAlliance, type AllianceRef } from './common.ts';
import { placeErrors } from './places.ts';

const committee = alias(organizations, 'res_committee');
const offering = alias(organizations, 'res_offering');

export function resourceStatusOf(r: Pick<Resource, 'status' | 'capacity' | 'allocatedQty'>): ResourceStatus {
  if (r.status === 'withdrawn') return 'withdrawn';
  return r.allocatedQty >= r.capacity ? 'exhausted' : 'available';
}

/** The offering organization keeps its own resources; the lead and the county keep the alliance's list. */
function mayEdit(ctx: Ctx, a: AllianceRef, offeringOrgId: string): boolean {
  return mayOn(ctx, 'resource.manage', a, offeringOrgId);
}

function selectResources(ctx: Ctx) {
  return ctx.db
    .select({
      r: resources,
      ...allianceScopeColumns(committee),
      categoryName: sql<string>`${listCategories.name}`.as('category_name'),
      offeringOrgName: sql<string>`${offering.name}`.as('offering_org_name'),
    })
    .from(resources)
    .innerJoin(alliances, eq(alliances.id, resources.allianceId))
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId))
    .innerJoin(listCategories, eq(listCategories.id, resources.categoryId))
    .innerJoin(offering, eq(offering.id, resources.offeringOrgId));
}
export type ResourceRow = Awaited<ReturnType<ReturnType<typeof selectResources>['all']>>[number];

const refOf = (x: ResourceRow): AllianceRef => allianceRefOf(x.r.allianceId, x);

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
  const places = await placeNames(ctx, rows.flatMap((x) => [x.r.streetCode, x.r.communityCode]));
  return rows.map((x) => toView(ctx, x, places));
}

export function resourceFilters(input: Omit<ResourceListQuery, 'cursor' | 'limit'>): SQL[] {
  const where: SQL[] = [];
  if (input.allianceId) where.push(eq(resources.allianceId, input.allianceId));
  if (input.status) where.push(eq(resources.status, input.status));
  if (input.categoryId) where.push(eq(resources.categoryId, input.categoryId));
  if (input.kind) where.push(eq(resources.kind, input.kind));
  if (input.offeringOrgId) where.push(eq(resources.offeringOrgId, input.offeringOrgId));
  if (input.communityCode) where.push(eq(resources.communityCode, input.communityCode));
  if (input.q) {
    // Any length (ADR 0014): the title and the offering organization's name through their trigram indexes, the description by instr().
    where.push(or(nameContains('resources', resources, resources.title, input.q), textContains(resources.description, input.q), nameContains('organizations', offering, offering.name, input.q))!);
  }
  return where;
}

/** Newest first, keyset on (created_at, id). */
export async function listResources({ ctx, input }: { ctx: Ctx; input: ResourceListQuery }) {
  const where = resourceFilters(input);
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [number, string];
    pageWhere.push(or(lt(resources.createdAt, Number(at)), and(eq(resources.createdAt, Number(at)), lt(resources.id, String(id))))!);
  }
  const [rows, totals] = await ctx.db.batch([
    selectResources(ctx)
      .where(and(...pageWhere))
      .orderBy(desc(resources.createdAt), desc(resources.id))
      .limit(limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(resources)
      .innerJoin(offering, eq(offering.id, resources.offeringOrgId))
      .where(and(...where)),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await resourceViews(ctx, page),
    total: totals[0]?.total ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.r.createdAt, last.r.id]) : null,
  };
}

export async function allResources(ctx: Ctx, input: Omit<ResourceListQuery, 'cursor' | 'limit'>, cap = 20000): Promise<ResourceView[]> {
  const rows = await selectResources(ctx)
    .where(and(...resourceFilters(input)))
    .orderBy(desc(resources.createdAt), desc(resources.id))
    .limit(cap);
  return resourceViews(ctx, rows);
}

/** Resources by id with their alliance scope (for matching). */
export async function resourceRows(ctx: Ctx, where: SQL | undefined): Promise<ResourceRow[]> {
  return selectResources(ctx).where(where);
}

async function findRow(ctx: Ctx, id: string): Promise<ResourceRow> {
  const [row] = await selectResources(ctx).where(eq(resources.id, id)).limit(1);
  if (!row) throw notFound('资源');
  return row;
}

export async function getResource({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ResourceView> {
  const [view] = await resourceViews(ctx, [await findRow(ctx, input.id)]);
  return view!;
}

async function fieldErrors(ctx: Ctx, v: Partial<Pick<ResourceCreateInput, 'categoryId' | 'streetCode' | 'communityCode'>>): Promise<FieldError[]> {
  return [...(await categoryErrors(ctx, v.categoryId)), ...placeErrors(ctx, v)];
}

export function assertMayOffer(ctx: Ctx, a: AllianceRef, offeringOrgId: string): void {
  if (!mayEdit(ctx, a, offeringOrgId)) throw new AppError('forbidden', '只有提供资源的成员单位、联合体牵头党组织或组织部管理员可以登记和修改资源');
}

export function resourceRow(ctx: Ctx, input: ResourceCreateInput): Resource {
  const now = ctx.clock.now();
  return {
    id: newId('res', now),
    allianceId: input.allianceId,
    offeringOrgId: input.offeringOrgId,
    title: input.title,
    description: input.description ?? null,
    kind: input.kind,
    categoryId: input.categoryId,
    capacity: input.capacity,
    unit: input.unit,
    allocatedQty: 0,
    streetCode: input.streetCode ?? null,
    communityCode: input.communityCode ?? null,
    gridName: input.gridName ?? null,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    scope: input.scope,
    radiusM: input.radiusM ?? null,
    availableFrom: input.availableFrom ?? null,
    availableTo: input.availableTo ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    status: 'available',
    version: 1,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

export async function offeringErrors(ctx: Ctx, a: AllianceRef, offeringOrgId: string): Promise<FieldError[]> {
  const members = await currentMemberIds(ctx, a.id);
  return members.has(offeringOrgId) ? [] : [{ path: 'body.offeringOrgId', message: '提供单位须为该联合体的现有成员单位' }];
}

export async function createResource({ ctx, input }: { ctx: Ctx; input: ResourceCreateInput }): Promise<ResourceView> {
  const a = await requireAlliance(ctx, input.allianceId);
  assertMayOffer(ctx, a, input.offeringOrgId);
  assertListsOpen(a);
  refuseFields([...(await fieldErrors(ctx, input)), ...(await offeringErrors(ctx, a, input.offeringOrgId))]);
  const row = resourceRow(ctx, input);
  await writeBatch(ctx.db, [ctx.db.insert(resources).values(row), auditInsert(ctx, { action: 'resource.create', entityType: 'resource', entityId: row.id, after: row })]);
  return getResource({ ctx, input: { id: row.id } });
}

async function loadForWrite(ctx: Ctx, id: string, expectedVersion: number) {
  const row = await findRow(ctx, id);
  if (!mayEdit(ctx, refOf(row), row.r.offeringOrgId)) throw new AppError('forbidden', '只有提供资源的成员单位、联合体牵头党组织或组织部管理员可以修改此资源');
  if (row.r.status === 'withdrawn') throw new AppError('conflict', '资源已撤回，不能再修改');
  if (row.r.version !== expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  return row;
}

function guardedUpdate(ctx: Ctx, r: Resource, set: Partial<Resource>, action: string, before: unknown, after: unknown) {
  return guardedListUpdate(ctx, resources, r, set, { action, entityType: 'resource', before, after });
}

export async function updateResource({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: ResourceUpdateInput } }): Promise<ResourceView> {
  const row = await loadForWrite(ctx, input.id, input.expectedVersion);
  const r = row.r;
  const p = input.patch;
  const errors = await fieldErrors(ctx, {
    categoryId: p.categoryId,
    // A changed place is checked as it will be after the change.
    ...(p.streetCode !== undefined || p.communityCode !== undefined
      ? { streetCode: p.streetCode !== undefined ? p.streetCode : r.streetCode, communityCode: p.communityCode !== undefined ? p.communityCode : r.communityCode }
      : {}),
  });
  if (p.capacity !== undefined && p.capacity < r.allocatedQty) errors.push({ path: 'body.capacity', message: `可提供数量不能少于已对接的数量（${r.allocatedQty}${r.unit}）` });
  const from = p.availableFrom !== undefined ? p.availableFrom : r.availableFrom;
  const to = p.availableTo !== undefined ? p.availableTo : r.availableTo;
  if (from && to && from > to) errors.push({ path: 'body.availableTo', message: '可用结束日期不能早于开始日期' });
  refuseFields(errors);
  const next = { ...r, ...p } as Resource;
  const before = Object.fromEntries(Object.keys(p).map((k) => [k, (r as Record<string, unknown>)[k]]));
  await guardedUpdate(ctx, r, { ...(p as Partial<Resource>), status: resourceStatusOf(next) }, 'resource.update', before, p);
  return getResource({ ctx, input: { id: r.id } });
}

/** 撤回: what is already promised stays promised; the rest is no longer offered. */
export async function withdrawResource({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; reason: string } }): Promise<ResourceView> {
  const row = await loadForWrite(ctx, input.id, input.expectedVersion);
  await guardedUpdate(ctx, row.r, { status: 'withdrawn' }, 'resource.withdraw', { status: row.r.status }, { status: 'withdrawn', reason: input.reason });
  return getResource({ ctx, input: { id: row.r.id } });
}
