import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { AppError, auditGuarded, auditInsert, inList, newId, notFound, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { assign, explainPair, greedyAssign, suggest, type MatchNeed, type MatchOptions, type MatchResource, type Suggestion } from '@ronghe/matching';
import {
  matchRejections,
  needs,
  projectNotes,
  projects,
  resources,
  type AcceptMatchInput,
  type AssignmentView,
  type ListCategory,
  type Need,
  type RejectMatchInput,
  type Resource,
} from '@ronghe/schema';
import { assertListsOpen, currentMemberIds, insertJson, loadAllianceRefs, loadCategories, mayOn, runQuantityGuarded, toColumns, today, type AllianceRef } from './common.ts';
import { getNeed, remainingOf } from './needs.ts';
import { needQuantityUpdate, resourceQuantityUpdate } from './quantities.ts';
import { resourceRows, resourceViews } from './resources.ts';

// The API side of the matching engine (ADR 0008): D1 rows in, `@ronghe/matching`
// in the middle, people's decisions out. Suggestions and assignments only read;
// accepting commits quantities in one batch the CHECK constraints guard.

const OPEN_NEED = ['open', 'partly_met'] as const;

function placeOf(ctx: Ctx, x: Pick<Need, 'streetCode' | 'communityCode' | 'gridName' | 'lat' | 'lng'>) {
  return { county: ctx.tenant.code, street: x.streetCode, community: x.communityCode, grid: x.gridName, lat: x.lat, lng: x.lng };
}

/**
 * Quantities are compared in one unit: a need counted in 场 is not met by a
 * resource counted in 人次. The engine sees "category in a unit" as its
 * category, so a unit mismatch is a category mismatch to it.
 */
const unitKey = (unit: string) => unit.replace(/\s+/g, '');
const inUnit = (categoryId: string, unit: string) => `${categoryId}|${unitKey(unit)}`;

export function toMatchNeed(ctx: Ctx, n: Need): MatchNeed {
  return { id: n.id, allianceId: n.allianceId, category: inUnit(n.categoryId, n.unit), remaining: remainingOf(n), urgency: n.urgency as MatchNeed['urgency'], deadline: n.deadline, place: placeOf(ctx, n) };
}

/** A resource serves its own category and those its category lists as compatible. */
export function servesOf(cats: Map<string, ListCategory>, categoryId: string): string[] {
  return [categoryId, ...(cats.get(categoryId)?.alsoServes ?? [])];
}

export function toMatchResource(ctx: Ctx, r: Resource, cats: Map<string, ListCategory>): MatchResource {
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

/** Share of each offering organization's capacity already promised, over all its resources in use. */
async function orgLoads(ctx: Ctx, orgIds: string[]): Promise<Map<string, number>> {
  if (!orgIds.length) return new Map();
  const rows = await ctx.db
    .select({ org: resources.offeringOrgId, allocated: sql<number>`sum(${resources.allocatedQty})`.mapWith(Number), capacity: sql<number>`sum(${resources.capacity})`.mapWith(Number) })
    .from(resources)
    .where(and(inList(resources.offeringOrgId, [...new Set(orgIds)]), ne(resources.status, 'withdrawn')))
    .groupBy(resources.offeringOrgId);
  return new Map(rows.map((r) => [r.org, r.capacity > 0 ? r.allocated / r.capacity : 0]));
}

async function rejectedPairs(ctx: Ctx, needIds: string[]): Promise<Set<string>> {
  if (!needIds.length) return new Set();
  const rows = await ctx.db.select({ n: matchRejections.needId, r: matchRejections.resourceId }).from(matchRejections).where(inList(matchRejections.needId, needIds));
  return new Set(rows.map((x) => `${x.n}|${x.r}`));
}

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
  const ranked: Suggestion[] = need.remainingQty > 0 && (need.status === 'open' || need.status === 'partly_met')
    ? suggest(toMatchNeed(ctx, needRow!), rows.map((x) => toMatchResource(ctx, x.r, cats)), options, { limit: input.limit ?? 10 })
    : [];
  const byId = new Map(rows.map((x) => [x.r.id, x]));
  const views = new Map((await resourceViews(ctx, ranked.map((s) => byId.get(s.resourceId)!))).map((v) => [v.id, v]));
  return {
    need,
    suggestions: ranked.map((s) => ({ resource: views.get(s.resourceId)!, quantity: s.quantity, cost: s.cost, factors: s.factors })),
    rejected: refused.map((r) => ({ resourceId: r.resourceId, resourceTitle: r.resourceTitle, reason: r.reason })),
  };
}

/**
 * The optimal assignment for an alliance (its needs and its members' resources)
 * or, for the county administrator, the whole county. Nothing is written:
 * people review the plan and accept what they agree with.
 */
export async function runAssignment({ ctx, input }: { ctx: Ctx; input: { allianceId: string | null } }): Promise<AssignmentView> {
  let scope: AllianceRef | null = null;
  if (input.allianceId) {
    scope = (await loadAllianceRefs(ctx, [input.allianceId])).get(input.allianceId) ?? null;
    if (!scope) throw new AppError('validation_failed', '党建联合体不存在', { errors: [{ path: 'body.allianceId', message: '党建联合体不存在' }] });
    if (!mayOn(ctx, 'match.run', scope)) throw new AppError('forbidden', '只有联合体牵头党组织、审批的上级党(工)委或组织部管理员可以为该联合体运行匹配');
  } else if (!allows(ctx.actor, 'match.run')) {
    throw new AppError('forbidden', '全旗县区统一匹配只能由组织部管理员运行');
  }
  const needWhere = and(inArray(needs.status, [...OPEN_NEED]), sql`${needs.quantity} > ${needs.committedQty} + ${needs.inDeliveryQty} + ${needs.fulfilledQty}`, scope ? eq(needs.allianceId, scope.id) : undefined);
  const [needRows, resRows, cats] = await Promise.all([
    ctx.db.select().from(needs).where(needWhere),
    resourceRows(ctx, and(eq(resources.status, 'available'), scope ? eq(resources.allianceId, scope.id) : undefined)),
    loadCategories(ctx),
  ]);
  const options: MatchOptions = {
    today: today(ctx),
    excluded: await rejectedPairs(ctx, needRows.map((n) => n.id)),
    orgLoad: await orgLoads(ctx, resRows.map((x) => x.r.offeringOrgId)),
  };
  const matchNeeds = needRows.map((n) => toMatchNeed(ctx, n));
  const matchResources = resRows.map((x) => toMatchResource(ctx, x.r, cats));
  const optimal = assign(matchNeeds, matchResources, options);
  const greedy = greedyAssign(matchNeeds, matchResources, options);
  const needById = new Map(needRows.map((n) => [n.id, n]));
  const mNeedById = new Map(matchNeeds.map((n) => [n.id, n]));
  const resById = new Map(resRows.map((x) => [x.r.id, x]));
  const mResById = new Map(matchResources.map((r) => [r.id, r]));
  return {
    allianceId: scope?.id ?? null,
    needCount: needRows.length,
    resourceCount: resRows.length,
    unitsRequested: matchNeeds.reduce((s, n) => s + n.remaining, 0),
    optimal: { unitsServed: optimal.unitsServed, weightedServed: optimal.weightedServed, totalCost: optimal.totalCost },
    greedy: { unitsServed: greedy.unitsServed, weightedServed: greedy.weightedServed, totalCost: greedy.totalCost },
    items: optimal.allocations.map((al) => {
      const n = needById.get(al.needId)!;
      const r = resById.get(al.resourceId)!;
      // The per-factor reasons of this pair, as the suggestion list shows them.
      const [why] = suggest(mNeedById.get(al.needId)!, [mResById.get(al.resourceId)!], options);
      return {
        needId: n.id,
        needTitle: n.title,
        needAllianceId: n.allianceId,
        urgency: n.urgency,
        deadline: n.deadline,
        resourceId: r.r.id,
        resourceTitle: r.r.title,
        offeringOrgName: r.offeringOrgName,
        quantity: al.quantity,
        unit: n.unit,
        cost: al.cost,
        factors: why?.factors ?? [],
      };
    }),
  };
}

function conflict(detail: string, errors: Array<{ path: string; message: string }>): AppError {
  return new AppError('conflict', detail, { errors });
}

/**
 * Accepting a match commits quantity from the need and the resource and ties
 * it to a project, new or existing (proposed, claimed or in progress). Checks
 * run against what was read; the CHECK constraints settle any race with a 409.
 */
export async function acceptMatches({ ctx, input }: { ctx: Ctx; input: AcceptMatchInput }): Promise<{ projectId: string; allocationIds: string[] }> {
  // The same pair twice in one request is one allocation.
  const merged = new Map<string, { needId: string; resourceId: string; quantity: number }>();
  for (const it of input.items) {
    const key = `${it.needId}|${it.resourceId}`;
    const prev = merged.get(key);
    merged.set(key, { ...it, quantity: (prev?.quantity ?? 0) + it.quantity });
  }
  const items = [...merged.values()];
  const needIds = [...new Set(items.map((i) => i.needId))];
  const resIds = [...new Set(items.map((i) => i.resourceId))];
  const [needRows, resRows, projectRows, cats, refused] = await Promise.all([
    ctx.db.select().from(needs).where(inList(needs.id, needIds)),
    ctx.db.select().from(resources).where(inList(resources.id, resIds)),
    input.projectId ? ctx.db.select().from(projects).where(eq(projects.id, input.projectId)) : Promise.resolve([]),
    loadCategories(ctx),
    rejectedPairs(ctx, needIds),
  ]);
  const needById = new Map(needRows.map((n) => [n.id, n]));
  const resById = new Map(resRows.map((r) => [r.id, r]));
  const errors: Array<{ path: string; message: string }> = [];
  items.forEach((it, i) => {
    if (!needById.has(it.needId)) errors.push({ path: `body.items.${i}.needId`, message: '需求不存在' });
    if (!resById.has(it.resourceId)) errors.push({ path: `body.items.${i}.resourceId`, message: '资源不存在' });
  });
  if (input.projectId && !projectRows[0]) errors.push({ path: 'body.projectId', message: '项目不存在' });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });

  const allianceIds = new Set(needRows.map((n) => n.allianceId));
  if (allianceIds.size > 1) throw new AppError('validation_failed', '一个项目只能承接同一联合体的需求', { errors: [{ path: 'body.items', message: '所选需求属于不同的联合体，请分别确认' }] });
  const allianceId = [...allianceIds][0]!;
  const refs = await loadAllianceRefs(ctx, [allianceId, ...resRows.map((r) => r.allianceId)]);
  const a = refs.get(allianceId)!;
  if (!mayOn(ctx, 'match.accept', a)) throw new AppError('forbidden', '只有联合体牵头党组织或组织部管理员可以确认对接');
  // Using another alliance's resource needs the right to decide for that alliance too.
  for (const r of resRows) {
    if (r.allianceId !== allianceId && !mayOn(ctx, 'match.accept', refs.get(r.allianceId)!)) {
      throw new AppError('forbidden', `资源“${r.title}”属于其他联合体，只有组织部管理员或该联合体牵头党组织可以调配`);
    }
  }
  assertListsOpen(a, 'body.items');
  const project = projectRows[0];
  if (project) {
    if (project.allianceId !== allianceId) throw new AppError('validation_failed', '项目不属于需求所在的联合体', { errors: [{ path: 'body.projectId', message: '请选择需求所在联合体的项目' }] });
    if (!['proposed', 'claimed', 'in_progress'].includes(project.status)) throw new AppError('conflict', '项目已完成、验收或取消，不能再并入对接', { errors: [{ path: 'body.projectId', message: '请选择待认领、已认领或实施中的项目' }] });
  }
  if (input.project?.ownerOrgId && !(await currentMemberIds(ctx, allianceId)).has(input.project.ownerOrgId)) {
    throw new AppError('validation_failed', '负责单位须为联合体的现有成员单位', { errors: [{ path: 'body.project.ownerOrgId', message: '负责单位须为联合体的现有成员单位' }] });
  }
  if (input.project && input.project.dueOn < today(ctx)) {
    throw new AppError('validation_failed', '完成期限不能早于今天', { errors: [{ path: 'body.project.dueOn', message: `完成期限不能早于今天（${today(ctx)}）` }] });
  }

  // Hard constraints and quantities, every problem at once.
  const options: MatchOptions = { today: today(ctx), excluded: refused };
  const needLeft = new Map(needRows.map((n) => [n.id, remainingOf(n)]));
  const resLeft = new Map(resRows.map((r) => [r.id, r.status === 'withdrawn' ? 0 : r.capacity - r.allocatedQty]));
  const problems: Array<{ path: string; message: string }> = [];
  items.forEach((it, i) => {
    const n = needById.get(it.needId)!;
    const r = resById.get(it.resourceId)!;
    if (n.status === 'closed' || n.status === 'cancelled') problems.push({ path: `body.items.${i}`, message: `需求“${n.title}”已${n.status === 'closed' ? '关闭' : '撤回'}` });
    if (r.status === 'withdrawn') problems.push({ path: `body.items.${i}`, message: `资源“${r.title}”已撤回` });
    if (unitKey(n.unit) !== unitKey(r.unit)) {
      problems.push({ path: `body.items.${i}`, message: `“${n.title}”按“${n.unit}”计，“${r.title}”按“${r.unit}”计，单位不同不能对接` });
      return;
    }
    for (const v of explainPair(toMatchNeed(ctx, n), { ...toMatchResource(ctx, r, cats), remaining: Math.max(1, r.capacity - r.allocatedQty) }, options)) {
      problems.push({ path: `body.items.${i}`, message: `“${n.title}”与“${r.title}”：${v.message}` });
    }
    needLeft.set(n.id, needLeft.get(n.id)! - it.quantity);
    resLeft.set(r.id, resLeft.get(r.id)! - it.quantity);
  });
  for (const [id, left] of needLeft) if (left < 0) problems.push({ path: 'body.items', message: `需求“${needById.get(id)!.title}”只剩 ${left + sumFor(items, 'needId', id)}${needById.get(id)!.unit}待对接` });
  for (const [id, left] of resLeft) if (left < 0) problems.push({ path: 'body.items', message: `资源“${resById.get(id)!.title}”只剩 ${left + sumFor(items, 'resourceId', id)}${resById.get(id)!.unit}可用` });
  if (problems.length) throw conflict('所选对接不能确认，请按提示调整', problems);

  const now = ctx.clock.now();
  const t = today(ctx);
  const projectId = project?.id ?? newId('prj', now);
  const inDelivery = project?.status === 'in_progress';
  const state = inDelivery ? 'in_delivery' : 'committed';
  const allocs = items.map((it) => ({ id: newId('alc', now), allianceId, projectId, needId: it.needId, resourceId: it.resourceId, quantity: it.quantity, state, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now }) as const);
  const summary = items.map((it) => `${needById.get(it.needId)!.title} ← ${resById.get(it.resourceId)!.title} ${it.quantity}${needById.get(it.needId)!.unit}`).join('；');
  const stmts: Statement[] = [];
  if (project) {
    stmts.push(
      sql`UPDATE projects SET version = version + 1, updated_at = ${now} WHERE id = ${project.id} AND status IN ('proposed', 'claimed', 'in_progress')`,
      auditGuarded(ctx, { action: 'match.accept', entityType: 'project', entityId: project.id, after: { items } }),
    );
  } else {
    const p = input.project!;
    stmts.push(
      ctx.db.insert(projects).values({
        id: projectId,
        allianceId,
        title: p.title,
        description: `由需求资源对接生成：${summary}`.slice(0, 5000),
        categoryId: needById.get(items[0]!.needId)!.categoryId,
        ownerOrgId: p.ownerOrgId ?? null,
        status: 'proposed',
        dueOn: p.dueOn,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      }),
      auditInsert(ctx, { action: 'match.accept', entityType: 'project', entityId: projectId, after: { title: p.title, dueOn: p.dueOn, items } }),
    );
  }
  stmts.push(...insertJson('allocations', allocs.map((x) => toColumns(x))));
  const perNeed = new Map<string, number>();
  const perRes = new Map<string, number>();
  for (const it of items) {
    perNeed.set(it.needId, (perNeed.get(it.needId) ?? 0) + it.quantity);
    perRes.set(it.resourceId, (perRes.get(it.resourceId) ?? 0) + it.quantity);
  }
  for (const [id, q] of [...perNeed].sort()) stmts.push(needQuantityUpdate(ctx, id, inDelivery ? { inDelivery: q } : { committed: q }));
  for (const [id, q] of [...perRes].sort()) stmts.push(resourceQuantityUpdate(ctx, id, q));
  stmts.push(
    ctx.db.insert(projectNotes).values({
      id: newId('pnt', now),
      projectId,
      kind: 'event',
      body: `${project ? '并入' : '生成项目，'}对接：${summary}`.slice(0, 2000),
      authorId: ctx.actor.userId,
      authorName: ctx.actor.displayName,
      onDate: t,
      createdAt: now,
    }),
  );
  await runQuantityGuarded(() => writeBatch(ctx.db, stmts));
  return { projectId, allocationIds: allocs.map((x) => x.id) };
}

function sumFor(items: Array<{ needId: string; resourceId: string; quantity: number }>, key: 'needId' | 'resourceId', id: string): number {
  return items.filter((i) => i[key] === id).reduce((s, i) => s + i.quantity, 0);
}

/** A person refuses a pair: it is no longer suggested nor assigned. */
export async function rejectMatch({ ctx, input }: { ctx: Ctx; input: RejectMatchInput }): Promise<void> {
  const [n] = await ctx.db.select().from(needs).where(eq(needs.id, input.needId));
  const [r] = await ctx.db.select({ id: resources.id }).from(resources).where(eq(resources.id, input.resourceId));
  if (!n) throw new AppError('validation_failed', '需求不存在', { errors: [{ path: 'body.needId', message: '需求不存在' }] });
  if (!r) throw new AppError('validation_failed', '资源不存在', { errors: [{ path: 'body.resourceId', message: '资源不存在' }] });
  const a = (await loadAllianceRefs(ctx, [n.allianceId])).get(n.allianceId);
  if (!a) throw notFound('需求');
  if (!mayOn(ctx, 'match.accept', a)) throw new AppError('forbidden', '只有联合体牵头党组织或组织部管理员可以拒绝对接建议');
  const [dup] = await ctx.db.select({ id: matchRejections.id }).from(matchRejections).where(and(eq(matchRejections.needId, n.id), eq(matchRejections.resourceId, r.id)));
  if (dup) throw new AppError('conflict', '该对接建议已被拒绝');
  const now = ctx.clock.now();
  const id = newId('mrj', now);
  await writeBatch(ctx.db, [
    ctx.db.insert(matchRejections).values({ id, needId: n.id, resourceId: r.id, reason: input.reason ?? null, rejectedBy: ctx.actor.userId, rejectedAt: now }),
    auditInsert(ctx, { action: 'match.reject', entityType: 'need', entityId: n.id, after: { resourceId: r.id, reason: input.reason ?? null } }),
  ]);
}
