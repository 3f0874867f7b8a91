import { and, eq } from 'drizzle-orm';
import { AppError, shanghaiDate, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { PROJECT_ACTION_LABELS, projectClaims, type Project, type ProjectAction, type ProjectDetailView } from '@ronghe/schema';
import { runQuantityGuarded } from '../shared/writes.ts';
import { today } from '../shared/dates.ts';
import { moveAllocations } from '../quantities.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { assertMayTransition, assertProjectVersion, projectDate, completeProblems, projectProblemsError } from './project-rules.ts';
import { illegalProjectStepMessage, isLegalProjectStep, PROJECT_TRANSITIONS } from './state-machine.ts';
import { warningColumns, bumpProject, noteInsert } from './write-common.ts';

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
