import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, auditInsert, inList, newId, shanghaiDate, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import {
  PROJECT_ACTION_LABELS,
  allocations,
  needs,
  projectClaims,
  projectMilestones,
  projectNotes,
  projects,
  type Project,
  type ProjectAction,
  type ProjectCreateInput,
  type ProjectDetailView,
  type ProjectNoteKind,
  type ProjectUpdateInput,
} from '@ronghe/schema';
import { assertListsOpen, currentMemberIds, loadCategories, requireAlliance, requireCategory, runQuantityGuarded, today } from '../common.ts';
import { moveAllocations, needQuantityUpdate } from '../quantities.ts';
import { getProject, loadProjectParts } from './project-read.ts';
import {
  assertMayManage,
  assertMayTransition,
  assertProjectVersion,
  projectDate,
  completeProblems,
  projectFieldsError,
  isFinalProject,
  projectProblemsError,
} from './project-rules.ts';
import { illegalProjectStepMessage, isLegalProjectStep, PROJECT_TRANSITIONS } from './state-machine.ts';
import { computeWarning, rollUpProgress } from './warnings.ts';

type MilestoneLike = { title: string; dueOn: string | null; progressPct: number };

/** The warning columns a write leaves behind: recomputed from the project as it will be, so the board is right before the next supervision run. */
export function warningColumns(ctx: Ctx, p: Pick<Project, 'status' | 'dueOn' | 'startOn' | 'startedOn' | 'createdAt' | 'progressBp' | 'warning' | 'warningOn' | 'escalatedOn'>, milestones: readonly MilestoneLike[]) {
  const t = today(ctx);
  const w = computeWarning({ status: p.status, dueOn: p.dueOn, startOn: p.startedOn ?? p.startOn ?? shanghaiDate(p.createdAt), progressBp: p.progressBp, milestones }, t);
  return {
    warning: w.level,
    warningReason: w.reason,
    warningOn: w.level === p.warning ? p.warningOn : t,
    // An escalation stands while the project stays red; once it recovers, a relapse is escalated again.
    escalatedOn: w.level === 'red' ? p.escalatedOn : null,
  };
}

/**
 * The guarded version bump that heads every batch changing a project (ADR
 * 0005): the UPDATE matches only the version the caller read, the audit
 * INSERT right after it aborts the batch when it did not.
 */
export function bumpProject(ctx: Ctx, p: Pick<Project, 'id' | 'version'>, set: Partial<Project>, audit: { action: string; before?: unknown; after?: unknown }): Statement[] {
  return [
    ctx.db
      .update(projects)
      .set({ ...set, version: p.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(projects.id, p.id), eq(projects.version, p.version))),
    auditGuarded(ctx, { action: audit.action, entityType: 'project', entityId: p.id, before: audit.before, after: audit.after }),
  ];
}

/** A row of the supervision thread (append-only). */
export function noteInsert(
  ctx: Ctx,
  n: { projectId: string; kind: ProjectNoteKind; body: string; onDate?: string; authorOrgId?: string | null; replyToId?: string | null; notified?: string[]; system?: boolean },
) {
  const at = ctx.clock.now();
  return ctx.db.insert(projectNotes).values({
    id: newId('pnt', at),
    projectId: n.projectId,
    kind: n.kind,
    body: n.body,
    authorId: n.system ? null : ctx.actor.userId,
    authorName: n.system ? '督办系统' : ctx.actor.displayName,
    authorOrgId: n.authorOrgId ?? null,
    replyToId: n.replyToId ?? null,
    notified: n.notified ?? [],
    onDate: n.onDate ?? today(ctx),
    createdAt: at,
  });
}

function fundingTotal(funding: ReadonlyArray<{ amountFen: number }> | undefined): number {
  return (funding ?? []).reduce((s, f) => s + f.amountFen, 0);
}

/** Owner, category and deadline checks shared by create and update. */
async function projectFieldErrors(
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

export async function updateProject({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: ProjectUpdateInput } }): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  assertMayManage(ctx, parts.alliance);
  if (isFinalProject(p.status)) throw new AppError('conflict', `项目已${p.status === 'accepted' ? '验收' : '取消'}，不能再修改`);
  assertProjectVersion(p.version, input.expectedVersion);
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as ProjectUpdateInput;
  const next = { ...p, ...patch } as Project;
  if (patch.funding) next.budgetFen = fundingTotal(patch.funding);
  const errors = await projectFieldErrors(ctx, p.allianceId, { ...next, ownerOrgId: patch.ownerOrgId, categoryId: patch.categoryId }, { dueChanged: patch.dueOn !== undefined && patch.dueOn !== p.dueOn });
  if (errors.length) throw projectFieldsError(errors);
  const set: Partial<Project> = { ...(patch as Partial<Project>), budgetFen: next.budgetFen, ...warningColumns(ctx, next, parts.milestones) };
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, p[k as keyof Project]]));
  await runQuantityGuarded(() => writeBatch(ctx.db, bumpProject(ctx, p, set, { action: 'project.update', before, after: patch })));
  return getProject({ ctx, input: { id: p.id } });
}

export interface ProjectTransitionBody {
  onDate?: string;
  beneficiaries?: number;
  deliveredQty?: number;
  outcomeNote?: string;
  note?: string;
  reason?: string;
}

/**
 * One workflow step: authorized, legal from the current state, fresh, its
 * preconditions met, then one batch with the version bump, the audit row,
 * the thread's event and the quantity moves of the allocations.
 */
export async function transitionProject({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; action: ProjectAction; expectedVersion: number; body: ProjectTransitionBody };
}): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  const t = PROJECT_TRANSITIONS[input.action];
  const claims = parts.claims.map((c) => c.c);
  assertMayTransition(ctx, input.action, parts.alliance, claims);
  if (!isLegalProjectStep(input.action, p.status)) {
    throw new AppError('conflict', illegalProjectStepMessage(input.action, p.status), { extra: { state: p.status, action: input.action } });
  }
  assertProjectVersion(p.version, input.expectedVersion);

  const body = input.body;
  const set: Partial<Project> = { status: t.to };
  const extra: Statement[] = [];
  let event: string;
  let onDate: string;
  switch (input.action) {
    case 'start':
      onDate = projectDate(ctx, body.onDate, shanghaiDate(p.createdAt));
      set.startedOn = onDate;
      event = `开始实施（${onDate}）`;
      break;
    case 'complete': {
      const problems = completeProblems(p, parts.milestones);
      if (problems.length) throw projectProblemsError('还不能报告完成，以下条件尚未满足', problems);
      onDate = projectDate(ctx, body.onDate, p.startedOn);
      Object.assign(set, {
        completedOn: onDate,
        beneficiaries: body.beneficiaries,
        deliveredQty: body.deliveredQty,
        outcomeNote: body.outcomeNote,
        progressBp: 10_000,
      });
      event = `报告完成（${onDate}）：受益 ${body.beneficiaries} 人，完成数量 ${body.deliveredQty}。${body.outcomeNote}`;
      break;
    }
    case 'accept':
      onDate = projectDate(ctx, body.onDate, p.completedOn);
      Object.assign(set, { acceptedOn: onDate, acceptanceNote: body.note });
      event = `验收通过（${onDate}）：${body.note}`;
      break;
    case 'return':
      onDate = today(ctx);
      set.completedOn = null;
      event = `${PROJECT_ACTION_LABELS.return}：${body.reason}`;
      break;
    case 'cancel':
      onDate = today(ctx);
      set.cancelReason = body.reason;
      event = `${PROJECT_ACTION_LABELS.cancel}：${body.reason}`;
      // Pending claims end with the project; confirmed ones stay as its history.
      extra.push(
        ctx.db
          .update(projectClaims)
          .set({ status: 'declined', decisionNote: '项目已取消', decidedBy: ctx.actor.userId, decidedAt: ctx.clock.now() })
          .where(and(eq(projectClaims.projectId, p.id), eq(projectClaims.status, 'pending'))),
      );
      break;
  }
  Object.assign(set, warningColumns(ctx, { ...p, ...set } as Project, parts.milestones));
  if (t.allocations) extra.push(...moveAllocations(ctx, parts.allocations.map((r) => r.a), t.allocations));
  const reason = body.reason ?? body.note ?? body.outcomeNote ?? null;
  await runQuantityGuarded(() =>
    writeBatch(ctx.db, [
      ...bumpProject(ctx, p, set, { action: `project.${input.action}`, before: { status: p.status }, after: { ...set, onDate, reason } }),
      noteInsert(ctx, { projectId: p.id, kind: 'event', body: event!, onDate: onDate! }),
      ...extra,
    ]),
  );
  return getProject({ ctx, input: { id: p.id } });
}
