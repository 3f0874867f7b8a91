import { eq } from 'drizzle-orm';
import { AppError, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { PROJECT_STATUS_LABELS, projectMilestones, type ProjectDetailView, type ProjectMilestone } from '@ronghe/schema';
import { runQuantityGuarded } from '../shared/writes.ts';
import { today } from '../shared/dates.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { assertMayDeliver, assertProjectVersion, deliverOrgIds } from './project-rules.ts';
import { bumpProject, noteInsert, warningColumns } from './write-common.ts';
import { rollUpProgress } from './warnings.ts';

/** A confirmed claimant (or the alliance) reports a milestone's progress; 100 % records the day it was done. */
export async function progressMilestone({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; milestoneId: string; expectedVersion: number; progressPct: number; note?: string | null };
}): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  const claims = parts.claims.map((c) => c.c);
  assertMayDeliver(ctx, parts.alliance, claims);
  const m = parts.milestones.find((x) => x.id === input.milestoneId);
  if (!m) throw notFound('节点');
  if (p.status !== 'in_progress') throw new AppError('conflict', `项目当前为“${PROJECT_STATUS_LABELS[p.status]}”状态，只有实施中的项目可以填报进度`);
  assertProjectVersion(p.version, input.expectedVersion);
  const t = today(ctx);
  const updated: ProjectMilestone = {
    ...m,
    progressPct: input.progressPct,
    doneOn: input.progressPct === 100 ? (m.doneOn ?? t) : null,
    note: input.note === undefined ? m.note : input.note,
  };
  const next = parts.milestones.map((x) => (x.id === m.id ? updated : x));
  const progressBp = rollUpProgress(next);
  const actingOrg = deliverOrgIds(ctx, parts.alliance, claims)[0] ?? parts.alliance.leadOrgId;
  await runQuantityGuarded(() =>
    writeBatch(ctx.db, [
      ...bumpProject(ctx, p, { progressBp, ...warningColumns(ctx, { ...p, progressBp }, next) }, {
        action: 'project.progress',
        before: { progressBp: p.progressBp, milestone: { id: m.id, progressPct: m.progressPct } },
        after: { progressBp, milestone: { id: m.id, progressPct: updated.progressPct, note: updated.note } },
      }),
      ctx.db.update(projectMilestones).set({ progressPct: updated.progressPct, doneOn: updated.doneOn, note: updated.note }).where(eq(projectMilestones.id, m.id)),
      noteInsert(ctx, {
        projectId: p.id,
        kind: 'event',
        body: `节点“${m.title}”进度 ${m.progressPct}% → ${updated.progressPct}%${input.note ? `：${input.note}` : ''}`,
        authorOrgId: actingOrg,
      }),
    ]),
  );
  return getProject({ ctx, input: { id: p.id } });
}
