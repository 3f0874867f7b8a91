import { and, eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, newId, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { PROJECT_STATUS_LABELS, projectClaims, type ProjectDetailView } from '@ronghe/schema';
import { mayOn, runQuantityGuarded } from '../common.ts';
import { getProject, loadProjectParts, type ProjectParts } from './project-read.ts';
import { assertMayManage, assertProjectVersion, projectFieldsError } from './project-rules.ts';
import { isOpenProject } from './warnings.ts';
import { bumpProject, noteInsert, warningColumns } from './project-write.ts';

// 认领 (seed 000 9.3, seed 003 mechanism 4): a member organization offers to
// carry (part of) a project; the alliance confirms or declines; several
// organizations may share one project. Every claim change bumps the project's
// version, so the detail's ETag covers its claims.

const UNIQUE_LIVE = /UNIQUE constraint failed: project_claims/;

function assertClaimsOpen(parts: ProjectParts): void {
  const s = parts.project.status;
  if (!isOpenProject(s)) throw new AppError('conflict', `项目当前为“${PROJECT_STATUS_LABELS[s]}”状态，不再接受认领`);
}

function findClaim(parts: ProjectParts, claimId: string) {
  const r = parts.claims.find((c) => c.c.id === claimId);
  if (!r) throw notFound('认领');
  return r;
}

/** A member organization's liaison or secretary claims the project for that organization. */
export async function createClaim({ ctx, input }: { ctx: Ctx; input: { id: string; orgId: string; note: string } }): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  const member = parts.members.find((m) => m.orgId === input.orgId);
  if (!mayOn(ctx, 'project.claim', parts.alliance, input.orgId)) throw new AppError('forbidden', '只能以本单位的名义认领项目（成员单位联络员或书记）');
  if (!member) throw new AppError('forbidden', '只有联合体的现有成员单位可以认领项目');
  assertClaimsOpen(parts);
  const live = parts.claims.find((c) => c.c.orgId === input.orgId && (c.c.status === 'pending' || c.c.status === 'confirmed'));
  if (live) throw new AppError('conflict', `“${member.name}”已认领该项目（${live.c.status === 'pending' ? '待确认' : '已确认'}），不能重复认领`);
  const now = ctx.clock.now();
  const claimId = newId('pcl', now);
  try {
    await runQuantityGuarded(() =>
      writeBatch(ctx.db, [
        // Claims do not need the caller's If-Match; the project must still be open for claims when the batch lands.
        sql`UPDATE projects SET version = version + 1, updated_at = ${now} WHERE id = ${p.id} AND status IN ('proposed', 'claimed', 'in_progress')`,
        auditGuarded(ctx, { action: 'project.claim', entityType: 'project', entityId: p.id, after: { claimId, orgId: input.orgId, note: input.note } }),
        ctx.db.insert(projectClaims).values({ id: claimId, projectId: p.id, orgId: input.orgId, status: 'pending', note: input.note, claimedBy: ctx.actor.userId, claimedAt: now }),
        noteInsert(ctx, { projectId: p.id, kind: 'event', body: `${member.name}申请认领：${input.note}`, authorOrgId: input.orgId }),
      ]),
    );
  } catch (err) {
    if (UNIQUE_LIVE.test(String((err as Error).message)) || UNIQUE_LIVE.test(String((err as { cause?: Error }).cause?.message))) {
      throw new AppError('conflict', `“${member.name}”已认领该项目，不能重复认领`);
    }
    throw err;
  }
  return getProject({ ctx, input: { id: p.id } });
}

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
