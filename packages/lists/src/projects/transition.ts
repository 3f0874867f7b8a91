import { and, eq, sql } from 'drizzle-orm';
import { AppError, shanghaiDate, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { allocations, PROJECT_ACTION_LABELS, projectClaims, type Project, type ProjectAction, type ProjectDetailView } from '@ronghe/schema';
import { runQuantityGuarded } from '../shared/writes.ts';
import { today } from '../shared/dates.ts';
import { acceptAllocations, moveAllocations, splitDelivered } from '../quantities.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { assertMayTransition, assertProjectVersion, projectDate, completeProblems, projectFieldsError, projectProblemsError } from './project-rules.ts';
import { illegalProjectStepMessage, isLegalProjectStep, PROJECT_TRANSITIONS } from './state-machine.ts';
import { warningColumns, bumpProject, noteInsert } from './write-common.ts';

export interface ProjectTransitionBody {
  onDate?: string;
  beneficiaries?: number;
  deliveredQty?: number;
  allocations?: Array<{ id: string; deliveredQty: number }>;
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
      const split = splitDelivered(body.deliveredQty ?? 0, parts.allocations.map((r) => r.a), body.allocations);
      if (split.errors.length) throw projectFieldsError(split.errors);
      onDate = projectDate(ctx, body.onDate, p.startedOn);
      // What each need got is kept on its allocation until acceptance fulfils exactly that.
      for (const [allocationId, qty] of [...split.delivered].sort(([x], [y]) => x.localeCompare(y))) {
        extra.push(ctx.db.update(allocations).set({ deliveredQty: qty, updatedAt: ctx.clock.now() }).where(eq(allocations.id, allocationId)));
      }
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
    case 'accept': {
      onDate = projectDate(ctx, body.onDate, p.completedOn);
      Object.assign(set, { acceptedOn: onDate, acceptanceNote: body.note });
      // Each need's share in its own unit (never one sum across units).
      const shortfalls = parts.allocations
        .filter(({ a }) => (a.state === 'committed' || a.state === 'in_delivery') && (a.deliveredQty ?? a.quantity) < a.quantity)
        .map(({ a, needTitle, unit }) => `“${needTitle}”承诺 ${a.quantity}${unit}、完成 ${a.deliveredQty ?? a.quantity}${unit}，其余 ${a.quantity - (a.deliveredQty ?? a.quantity)}${unit}退回需求清单`);
      event = `验收通过（${onDate}）：${body.note}${shortfalls.length ? `。${shortfalls.join('；')}` : ''}`;
      break;
    }
    case 'return':
      onDate = today(ctx);
      set.completedOn = null;
      event = `${PROJECT_ACTION_LABELS.return}：${body.reason}`;
      // The report is void: the next completion reports again.
      extra.push(sql`UPDATE allocations SET delivered_qty = NULL WHERE project_id = ${p.id} AND state IN ('committed', 'in_delivery')`);
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
  // Acceptance fulfils what was delivered and releases the rest (seed 000 6.4); other steps move whole allocations.
  if (input.action === 'accept') extra.push(...acceptAllocations(ctx, parts.allocations.map((r) => r.a)));
  else if (t.allocations) extra.push(...moveAllocations(ctx, parts.allocations.map((r) => r.a), t.allocations));
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
