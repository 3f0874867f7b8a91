import { and, eq } from 'drizzle-orm';
import { AppError, writeBatch, type Ctx } from '@ronghe/core';
import { projectClaims, type ProjectDetailView } from '@ronghe/schema';
import { runQuantityGuarded } from '../shared/writes.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { assertMayManage, assertProjectVersion, projectFieldsError } from './project-rules.ts';
import { bumpProject, noteInsert, warningColumns } from './write-common.ts';
import { assertClaimsOpen, findClaim } from './claim-guards.ts';

/** The alliance confirms or declines a pending claim; the first confirmation makes a proposed project `claimed`. */
export async function decideClaim({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; claimId: string; expectedVersion: number; decision: 'confirm' | 'decline'; note?: string | null };
}): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  assertMayManage(ctx, parts.alliance);
  const claim = findClaim(parts, input.claimId);
  assertClaimsOpen(parts);
  if (claim.c.status !== 'pending') throw new AppError('conflict', `该认领已${claim.c.status === 'confirmed' ? '确认' : claim.c.status === 'declined' ? '被谢绝' : '撤回'}，不能再作决定`);
  assertProjectVersion(p.version, input.expectedVersion);
  if (input.decision === 'decline' && !input.note) throw projectFieldsError([{ path: 'body.note', message: '不同意认领时请说明理由' }]);
  const confirm = input.decision === 'confirm';
  const set = confirm && p.status === 'proposed' ? { status: 'claimed' as const } : {};
  const warn = warningColumns(ctx, { ...p, ...set }, parts.milestones);
  const now = ctx.clock.now();
  await runQuantityGuarded(() =>
    writeBatch(ctx.db, [
      ...bumpProject(ctx, p, { ...set, ...warn }, {
        action: `project.claim_${input.decision}`,
        before: { status: p.status, claim: { id: claim.c.id, status: claim.c.status } },
        after: { ...set, claim: { id: claim.c.id, status: confirm ? 'confirmed' : 'declined', note: input.note ?? null } },
      }),
      ctx.db
        .update(projectClaims)
        .set({ status: confirm ? 'confirmed' : 'declined', decisionNote: input.note ?? null, decidedBy: ctx.actor.userId, decidedAt: now })
        .where(and(eq(projectClaims.id, claim.c.id), eq(projectClaims.status, 'pending'))),
      noteInsert(ctx, {
        projectId: p.id,
        kind: 'event',
        body: `${confirm ? '同意' : '不同意'}${claim.orgName}认领${input.note ? `：${input.note}` : ''}`,
        authorOrgId: parts.alliance.leadOrgId,
      }),
    ]),
  );
  return getProject({ ctx, input: { id: p.id } });
}
