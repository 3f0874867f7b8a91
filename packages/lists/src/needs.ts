import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError, auditInsert, decodeCursor, encodeCursor, inList, maskPhone, nameContains, newId, notFound, PAGE_SIZE_DEFAULT, textContains, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import {
  alliances,
  listCategories,
  needs,
  organizations,
  type Need,
  type NeedCreateInput,
  type NeedListQuery,
  type NeedStatus,
  type NeedUpdateInput,
  type NeedView,
  type PublicNeedSubmitInput,
} from '@ronghe/schema';
import {
  allianceRefOf,
  allianceScopeColumns,
  assertListsOpen,
  currentMemberIds,
  categoryErrors,
  guardedListUpdate,
  mayOn,
  placeLabel,
  placeNames,
  refuseFields,
  requireAlliance,
  today,
  type AllianceRef,
} from './common.ts';
import { placeErrors } from './places.ts';

const committee = alias(organizations, 'need_committee');
const raiser = alias(organizations, 'need_raiser');

/** The status a need's quantities imply (closed and cancelled are decisions and stay). */
export function needStatusOf(n: Pick<Need, 'status' | 'quantity' | 'committedQty' | 'inDeliveryQty' | 'fulfilledQty'>): NeedStatus {
  if (n.status === 'closed' || n.status === 'cancelled') return n.status;
  if (n.fulfilledQty >= n.quantity) return 'met';
  if (n.committedQty + n.inDeliveryQty + n.fulfilledQty > 0) return 'partly_met';
  return 'open';
}

export const remainingOf = (n: Pick<Need, 'quantity' | 'committedQty' | 'inDeliveryQty' | 'fulfilledQty'>) => n.quantity - n.committedQty - n.inDeliveryQty - n.fulfilledQty;

const isFinal = (s: NeedStatus) => s === 'closed' || s === 'cancelled';

/** Whoever may raise a need for its organization may edit or withdraw it (closing is the alliance's). */
function mayEdit(ctx: Ctx, a: AllianceRef, n: Pick<Need, 'raisedByOrgId'>): boolean {
  return mayOn(ctx, 'need.create', a, n.raisedByOrgId);
}

function selectNeeds(ctx: Ctx) {
  return ctx.db
    .select({
      n: needs,
      ...allianceScopeColumns(committee),
      categoryName: sql<string>`${listCategories.name}`.as('category_name'),
      raisedByOrgName: sql<string | null>`${raiser.name}`.as('raised_by_org_name'),
    })
    .from(needs)
    .innerJoin(alliances, eq(alliances.id, needs.allianceId))
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId))
    .innerJoin(listCategories, eq(listCategories.id, needs.categoryId))
    .leftJoin(raiser, eq(raiser.id, needs.raisedByOrgId));
}
type NeedRow = Awaited<ReturnType<ReturnType<typeof selectNeeds>['all']>>[number];

const refOf = (r: NeedRow): AllianceRef => allianceRefOf(r.n.allianceId, r);

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
    overdue: n.deadline < today(ctx) && (n.status === 'open' || n.status === 'partly_met'),
    closedReason: n.closedReason,
    version: n.version,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    can: {
      update: editable,
      withdraw: editable && unallocated && n.fulfilledQty === 0,
      close: !isFinal(n.status) && n.status !== 'met' && unallocated && mayOn(ctx, 'need.manage', a, null),
      match: remaining > 0 && !isFinal(n.status) && mayOn(ctx, 'match.run', a, null),
    },
  };
}

async function viewsOf(ctx: Ctx, rows: NeedRow[]): Promise<NeedView[]> {
  const places = await placeNames(ctx, rows.flatMap((r) => [r.n.streetCode, r.n.communityCode]));
  return rows.map((r) => toView(ctx, r, places));
}

/** List filters, plus `allianceIds` for callers that narrow to a set of alliances (the warnings dashboard's "mine"). */
export function needFilters(ctx: Ctx, input: Omit<NeedListQuery, 'cursor' | 'limit'> & { allianceIds?: readonly string[] }): SQL[] {
  const where: SQL[] = [];
  if (input.allianceId) where.push(eq(needs.allianceId, input.allianceId));
  if (input.allianceIds) where.push(inList(needs.allianceId, input.allianceIds));
  if (input.status) where.push(eq(needs.status, input.status));
  if (input.categoryId) where.push(eq(needs.categoryId, input.categoryId));
  if (input.source) where.push(eq(needs.source, input.source));
  if (input.urgency) where.push(eq(needs.urgency, input.urgency));
  if (input.communityCode) where.push(eq(needs.communityCode, input.communityCode));
  if (input.raisedByOrgId) where.push(eq(needs.raisedByOrgId, input.raisedByOrgId));
  if (input.overdue === 'true') where.push(sql`${needs.deadline} < ${today(ctx)} AND ${needs.status} IN ('open', 'partly_met')`);
  if (input.overdue === 'false') where.push(sql`NOT (${needs.deadline} < ${today(ctx)} AND ${needs.status} IN ('open', 'partly_met'))`);
  if (input.q) {
    // Any length (ADR 0014): the title through its trigram index, the rest by instr().
    where.push(or(nameContains('needs', needs, needs.title, input.q), textContains(needs.description, input.q), textContains(needs.raiserName, input.q))!);
  }
  return where;
}

/** Newest first, keyset on (created_at, id). */
export async function listNeeds({ ctx, input }: { ctx: Ctx; input: NeedListQuery }) {
  const where = needFilters(ctx, input);
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [number, string];
    pageWhere.push(or(lt(needs.createdAt, Number(at)), and(eq(needs.createdAt, Number(at)), lt(needs.id, String(id))))!);
  }
  const [rows, totals] = await ctx.db.batch([
    selectNeeds(ctx)
      .where(and(...pageWhere))
      .orderBy(desc(needs.createdAt), desc(needs.id))
      .limit(limit + 1),
    ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(needs).where(and(...where)),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await viewsOf(ctx, page),
    total: totals[0]?.total ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.n.createdAt, last.n.id]) : null,
  };
}

/** Every need matching the filters (for the Excel export), capped. */
export async function allNeeds(ctx: Ctx, input: Omit<NeedListQuery, 'cursor' | 'limit'> & { allianceIds?: readonly string[] }, cap = 20000): Promise<NeedView[]> {
  const rows = await selectNeeds(ctx)
    .where(and(...needFilters(ctx, input)))
    .orderBy(desc(needs.createdAt), desc(needs.id))
    .limit(cap);
  return viewsOf(ctx, rows);
}

async function findNeedRow(ctx: Ctx, id: string): Promise<NeedRow> {
  const [row] = await selectNeeds(ctx).where(eq(needs.id, id)).limit(1);
  if (!row) throw notFound('需求');
  return row;
}

export async function getNeed({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<NeedView> {
  const [view] = await viewsOf(ctx, [await findNeedRow(ctx, input.id)]);
  return view!;
}

/** The checks a need's fields must pass against the tenant: category, place, raising organization, deadline. */
async function fieldErrors(
  ctx: Ctx,
  a: AllianceRef,
  v: Partial<Pick<NeedCreateInput, 'categoryId' | 'streetCode' | 'communityCode' | 'raisedByOrgId' | 'deadline'>>,
  opts: { checkDeadline: boolean },
): Promise<FieldError[]> {
  const errors: FieldError[] = [...(await categoryErrors(ctx, v.categoryId)), ...placeErrors(ctx, v)];
  if (v.raisedByOrgId) {
    const members = await currentMemberIds(ctx, a.id);
    if (!members.has(v.raisedByOrgId)) errors.push({ path: 'body.raisedByOrgId', message: '提出单位须为该联合体的现有成员单位' });
  }
  if (opts.checkDeadline && v.deadline && v.deadline < today(ctx)) errors.push({ path: 'body.deadline', message: `截止日期不能早于今天（${today(ctx)}）` });
  return errors;
}

export function assertMayRaise(ctx: Ctx, a: AllianceRef, raisedByOrgId: string | null | undefined): void {
  if (!mayOn(ctx, 'need.create', a, raisedByOrgId ?? null)) {
    throw new AppError('forbidden', '只有联合体牵头党组织、审批的上级党(工)委、组织部管理员，或成员单位为本单位，可以登记需求');
  }
}

/** The row a valid create input makes; shared with the Excel import. */
export function needRow(ctx: Ctx, input: NeedCreateInput, extra: { apiKeyId?: string | null } = {}): Need {
  const now = ctx.clock.now();
  return {
    id: newId('ned', now),
    allianceId: input.allianceId,
    title: input.title,
    description: input.description ?? null,
    source: input.source,
    categoryId: input.categoryId,
    quantity: input.quantity,
    unit: input.unit,
    streetCode: input.streetCode ?? null,
    communityCode: input.communityCode ?? null,
    gridName: input.gridName ?? null,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    urgency: input.urgency,
    deadline: input.deadline,
    raisedByOrgId: input.raisedByOrgId ?? null,
    raiserName: input.raiserName ?? null,
    raiserPhone: input.raiserPhone ?? null,
    apiKeyId: extra.apiKeyId ?? null,
    committedQty: 0,
    inDeliveryQty: 0,
    fulfilledQty: 0,
    status: 'open',
    closedReason: null,
    version: 1,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

export async function createNeed({ ctx, input, apiKeyId }: { ctx: Ctx; input: NeedCreateInput; apiKeyId?: string | null }): Promise<NeedView> {
  const a = await requireAlliance(ctx, input.allianceId);
  assertMayRaise(ctx, a, input.raisedByOrgId);
  assertListsOpen(a);
  refuseFields(await fieldErrors(ctx, a, input, { checkDeadline: true }));
  const row = needRow(ctx, input, { apiKeyId });
  await writeBatch(ctx.db, [
    ctx.db.insert(needs).values(row),
    auditInsert(ctx, { action: 'need.create', entityType: 'need', entityId: row.id, after: { ...row, raiserPhone: maskPhone(row.raiserPhone) } }),
  ]);
  return getNeed({ ctx, input: { id: row.id } });
}

async function loadForWrite(ctx: Ctx, id: string, expectedVersion: number) {
  const row = await findNeedRow(ctx, id);
  const a = refOf(row);
  if (!mayEdit(ctx, a, row.n)) throw new AppError('forbidden', '只有联合体牵头党组织、审批的上级党(工)委、组织部管理员或提出需求的成员单位可以修改此需求');
  if (isFinal(row.n.status)) throw new AppError('conflict', `需求已${row.n.status === 'closed' ? '关闭' : '撤回'}，不能再修改`);
  if (row.n.version !== expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  return { row, a };
}

function guardedUpdate(ctx: Ctx, n: Need, set: Partial<Need>, action: string, before: unknown, after: unknown) {
  return guardedListUpdate(ctx, needs, n, set, { action, entityType: 'need', before, after });
}

export async function updateNeed({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: NeedUpdateInput } }): Promise<NeedView> {
  const { row, a } = await loadForWrite(ctx, input.id, input.expectedVersion);
  const n = row.n;
  const p = input.patch;
  const errors = await fieldErrors(
    ctx,
    a,
    {
      categoryId: p.categoryId,
      // A changed place is checked as it will be after the change.
      ...(p.streetCode !== undefined || p.communityCode !== undefined
        ? { streetCode: p.streetCode !== undefined ? p.streetCode : n.streetCode, communityCode: p.communityCode !== undefined ? p.communityCode : n.communityCode }
        : {}),
      raisedByOrgId: p.raisedByOrgId ?? undefined,
      deadline: p.deadline,
    },
    { checkDeadline: p.deadline !== undefined },
  );
  const used = n.committedQty + n.inDeliveryQty + n.fulfilledQty;
  if (p.quantity !== undefined && p.quantity < used) errors.push({ path: 'body.quantity', message: `数量不能少于已承诺、实施中和已满足的合计（${used}${n.unit}）` });
  if (p.raisedByOrgId !== undefined && p.raisedByOrgId !== n.raisedByOrgId && !mayOn(ctx, 'need.create', a, p.raisedByOrgId)) {
    errors.push({ path: 'body.raisedByOrgId', message: '不能把需求改到您无权代表的单位名下' });
  }
  refuseFields(errors);
  const next = { ...n, ...p } as Need;
  const set: Partial<Need> = { ...(p as Partial<Need>), status: needStatusOf(next) };
  await guardedUpdate(ctx, n, set, 'need.update', pick(n, Object.keys(p)), p);
  return getNeed({ ctx, input: { id: n.id } });
}

function pick<T extends object>(o: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]])) as Partial<T>;
}

/** 撤回 (the raiser or the alliance) or 关闭 (the alliance): only while nothing is promised or under way. */
export async function endNeed({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; reason: string; as: 'withdraw' | 'close' } }): Promise<NeedView> {
  const { row, a } = await loadForWrite(ctx, input.id, input.expectedVersion);
  const n = row.n;
  if (input.as === 'close' && !mayOn(ctx, 'need.manage', a, null)) throw new AppError('forbidden', '只有联合体牵头党组织或组织部管理员可以关闭需求');
  if (n.committedQty + n.inDeliveryQty > 0) {
    throw new AppError('conflict', `需求还有 ${n.committedQty + n.inDeliveryQty}${n.unit}已承诺或正在实施，请先在相关项目中处理`);
  }
  if (input.as === 'withdraw' && n.fulfilledQty > 0) throw new AppError('conflict', '需求已部分满足，不能撤回；如不再需要，请由联合体关闭');
  if (input.as === 'close' && n.status === 'met') throw new AppError('conflict', '需求已满足，无需关闭');
  const status: NeedStatus = input.as === 'withdraw' ? 'cancelled' : 'closed';
  await guardedUpdate(ctx, n, { status, closedReason: input.reason }, `need.${input.as}`, { status: n.status }, { status, reason: input.reason });
  return getNeed({ ctx, input: { id: n.id } });
}

/**
 * 群众点单 through a third-party app holding the county's API key: the key
 * vouches for the app, not for an organization, so no role check applies;
 * everything else (alliance formed, category, place, deadline) does.
 */
export async function submitNeedFromApp({ ctx, input, apiKeyId }: { ctx: Ctx; input: PublicNeedSubmitInput; apiKeyId: string }): Promise<NeedView> {
  const a = await requireAlliance(ctx, input.allianceId);
  assertListsOpen(a);
  const full: NeedCreateInput = { ...input, source: '第三方应用', raisedByOrgId: null };
  refuseFields(await fieldErrors(ctx, a, full, { checkDeadline: true }));
  const row = needRow(ctx, full, { apiKeyId });
  await writeBatch(ctx.db, [
    ctx.db.insert(needs).values(row),
    auditInsert(ctx, { action: 'need.submit', entityType: 'need', entityId: row.id, after: { ...row, raiserPhone: maskPhone(row.raiserPhone) } }),
  ]);
  return getNeed({ ctx, input: { id: row.id } });
}
