import { AppError, auditInsert, inList, newId, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import { allocations, needs, projectMilestones, projects, type Project, type ProjectCreateInput, type ProjectDetailView } from '@ronghe/schema';
import { assertListsOpen, currentMemberIds, requireAlliance } from '../shared/alliance.ts';
import { loadCategories, requireCategory } from '../categories/lookup.ts';
import { runQuantityGuarded } from '../shared/writes.ts';
import { today } from '../shared/dates.ts';
import { needQuantityUpdate } from '../quantities.ts';
import { getProject } from './get.ts';
import { assertMayManage, projectFieldsError } from './project-rules.ts';
import { rollUpProgress } from './warnings.ts';
import { warningColumns, noteInsert } from './write-common.ts';

export function fundingTotal(funding: ReadonlyArray<{ amountFen: number }> | undefined): number {
  return (funding ?? []).reduce((s, f) => s + f.amountFen, 0);
}

/** Owner, category and deadline checks shared by create and update. */
export async function projectFieldErrors(
  ctx: Ctx,
  allianceId: string,
  v: { ownerOrgId?: string | null; categoryId?: string | null; dueOn?: string; startOn?: string | null },
  opts: { dueChanged: boolean },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (v.ownerOrgId) {
    const members = await currentMemberIds(ctx, allianceId);
    if (!members.has(v.ownerOrgId)) errors.push({ path: 'body.ownerOrgId', message: '负责单位须为联合体的现有成员单位' });
  }
  if (v.categoryId) {
    try {
      requireCategory(await loadCategories(ctx), v.categoryId);
    } catch (e) {
      if (e instanceof AppError) errors.push(...e.errors);
      else throw e;
    }
  }
  if (opts.dueChanged && v.dueOn && v.dueOn < today(ctx)) errors.push({ path: 'body.dueOn', message: `完成期限不能早于今天（${today(ctx)}）` });
  if (v.startOn && v.dueOn && v.startOn > v.dueOn) errors.push({ path: 'body.dueOn', message: '完成期限不能早于开始日期' });
  return errors;
}

/**
 * A project created directly by the alliance, taking needs on with
 * quantities (allocations without a resource, committed) and a milestone plan.
 */
export async function createProject({ ctx, input }: { ctx: Ctx; input: ProjectCreateInput }): Promise<ProjectDetailView> {
  const a = await requireAlliance(ctx, input.allianceId);
  assertMayManage(ctx, a);
  assertListsOpen(a);
  const errors = await projectFieldErrors(ctx, a.id, input, { dueChanged: true });
  const wanted = input.needs ?? [];
  const needRows = wanted.length
    ? await ctx.db
        .select()
        .from(needs)
        .where(inList(needs.id, wanted.map((n) => n.needId)))
    : [];
  const byId = new Map(needRows.map((n) => [n.id, n]));
  const seen = new Set<string>();
  wanted.forEach((w, i) => {
    const n = byId.get(w.needId);
    const path = `body.needs.${i}.needId`;
    if (!n || n.allianceId !== a.id) errors.push({ path, message: '需求不存在或不属于该联合体' });
    else if (seen.has(w.needId)) errors.push({ path, message: `需求“${n.title}”重复` });
    else if (n.status === 'closed' || n.status === 'cancelled') errors.push({ path, message: `需求“${n.title}”已关闭或撤回` });
    else {
      const remaining = n.quantity - n.committedQty - n.inDeliveryQty - n.fulfilledQty;
      if (w.quantity > remaining) errors.push({ path: `body.needs.${i}.quantity`, message: `需求“${n.title}”剩余 ${remaining}${n.unit}，不足 ${w.quantity}${n.unit}` });
    }
    seen.add(w.needId);
  });
  if (errors.length) throw projectFieldsError(errors);

  const now = ctx.clock.now();
  const id = newId('prj', now);
  const milestones = (input.milestones ?? []).map((m, i) => ({
    id: newId('pms', now),
    projectId: id,
    title: m.title,
    weight: m.weight,
    dueOn: m.dueOn ?? null,
    progressPct: m.progressPct ?? 0,
    doneOn: (m.progressPct ?? 0) === 100 ? today(ctx) : null,
    note: m.note ?? null,
    sortOrder: i,
  }));
  const base: Project = {
    id,
    allianceId: a.id,
    title: input.title,
    description: input.description ?? null,
    categoryId: input.categoryId ?? null,
    ownerName: input.ownerName ?? null,
    ownerOrgId: input.ownerOrgId ?? null,
    status: 'proposed',
    budgetFen: fundingTotal(input.funding),
    funding: input.funding ?? [],
    startOn: input.startOn ?? null,
    dueOn: input.dueOn,
    startedOn: null,
    completedOn: null,
    acceptedOn: null,
    progressBp: rollUpProgress(milestones),
    warning: 'green',
    warningReason: null,
    warningOn: null,
    escalatedOn: null,
    beneficiaries: null,
    deliveredQty: null,
    outcomeNote: null,
    acceptanceNote: null,
    cancelReason: null,
    version: 1,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  const row: Project = { ...base, ...warningColumns(ctx, { ...base, warning: 'none' }, milestones) };
  const allocs = wanted.map((w) => ({
    id: newId('alc', now),
    allianceId: a.id,
    projectId: id,
    needId: w.needId,
    resourceId: null,
    quantity: w.quantity,
    state: 'committed' as const,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  }));
  const statements: Statement[] = [
    ctx.db.insert(projects).values(row),
    // One INSERT per row: D1 binds at most 100 parameters per statement.
    ...milestones.map((m) => ctx.db.insert(projectMilestones).values(m)),
    ...allocs.map((al) => ctx.db.insert(allocations).values(al)),
    ...allocs.map((al) => needQuantityUpdate(ctx, al.needId, { committed: al.quantity })),
    noteInsert(ctx, { projectId: id, kind: 'event', body: `创建项目“${row.title}”，完成期限 ${row.dueOn}` }),
    auditInsert(ctx, {
      action: 'project.create',
      entityType: 'project',
      entityId: id,
      after: { ...row, milestones: milestones.map((m) => ({ title: m.title, weight: m.weight })), needs: wanted },
    }),
  ];
  await runQuantityGuarded(() => writeBatch(ctx.db, statements));
  return getProject({ ctx, input: { id } });
}
