import { eq } from 'drizzle-orm';
import { AppError, writeBatch, type Ctx } from '@ronghe/core';
import { PROJECT_STATUS_LABELS, projectClaims, type ProjectDetailView } from '@ronghe/schema';
import { mayOn } from '../shared/alliance.ts';
import { runQuantityGuarded } from '../shared/writes.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { assertProjectVersion } from './project-rules.ts';
import { bumpProject, noteInsert, warningColumns } from './write-common.ts';
import { assertClaimsOpen, findClaim } from './claim-guards.ts';

/**
 * The claimant withdraws its claim: a pending one at any time claims are
 * open, a confirmed one only before work starts. A claimed project whose
 * last confirmed claimant withdraws is open for claims again (`proposed`).
 */
export async function withdrawClaim({ ctx, input }: { ctx: Ctx; input: { id: string; claimId: string; expectedVersion: number } }): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  const claim = findClaim(parts, input.claimId);
  if (!mayOn(ctx, 'project.claim', parts.alliance, claim.c.orgId)) throw new AppError('forbidden', '只有认领单位本身（联络员或书记）可以撤回认领');
  if (claim.c.status !== 'pending' && claim.c.status !== 'confirmed') throw new AppError('conflict', '该认领已结束，不能撤回');
  assertClaimsOpen(parts);
  if (claim.c.status === 'confirmed' && p.status !== 'claimed') {
    throw new AppError('conflict', `项目当前为“${PROJECT_STATUS_LABELS[p.status]}”状态，已确认的认领不能撤回，请与联合体联系`);
  }
  assertProjectVersion(p.version, input.expectedVersion);
  const othersConfirmed = parts.claims.some((c) => c.c.id !== claim.c.id && c.c.status === 'confirmed');
  const set = claim.c.status === 'confirmed' && !othersConfirmed ? { status: 'proposed' as const } : {};
  await runQuantityGuarded(() =>
    writeBatch(ctx.db, [
      ...bumpProject(ctx, p, { ...set, ...warningColumns(ctx, { ...p, ...set }, parts.milestones) }, {
        action: 'project.claim_withdraw',
        before: { status: p.status, claim: { id: claim.c.id, status: claim.c.status } },
        after: { ...set, claim: { id: claim.c.id, status: 'withdrawn' } },
      }),
      ctx.db
        .update(projectClaims)
        .set({ status: 'withdrawn', decidedBy: ctx.actor.userId, decidedAt: ctx.clock.now() })
        .where(eq(projectClaims.id, claim.c.id)),
      noteInsert(ctx, { projectId: p.id, kind: 'event', body: `${claim.orgName}撤回认领`, authorOrgId: claim.c.orgId }),
    ]),
  );
  return getProject({ ctx, input: { id: p.id } });
}
