import { eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, auditInsert, inList, newId, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { explainPair, type MatchOptions } from '@ronghe/matching';
import { needs, projectNotes, projects, resources, type AcceptMatchInput } from '@ronghe/schema';
import { assertListsOpen, currentMemberIds, loadAllianceRefs, mayOn } from '../shared/alliance.ts';
import { insertJson, runQuantityGuarded, toColumns } from '../shared/writes.ts';
import { loadCategories } from '../categories/lookup.ts';
import { today } from '../shared/dates.ts';
import { isOverdueNeed } from '../needs/overdue.ts';
import { remainingOf } from '../needs/status.ts';
import { needQuantityUpdate, resourceQuantityUpdate } from '../quantities.ts';
import { unitKey, toMatchNeed, toMatchResource, rejectedPairs } from './engine-input.ts';

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
    if (isOverdueNeed(n, options.today)) problems.push({ path: `body.items.${i}`, message: `需求“${n.title}”已于 ${n.deadline} 逾期，请先在逾期需求复核中延长截止日期` });
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
