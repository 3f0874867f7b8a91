import { sql } from 'drizzle-orm';
import { AppError, auditGuarded, newId, writeBatch, type Ctx } from '@ronghe/core';
import { projectClaims, type ProjectDetailView } from '@ronghe/schema';
import { mayOn } from '../shared/alliance.ts';
import { runQuantityGuarded } from '../shared/writes.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { noteInsert } from './write-common.ts';
import { UNIQUE_LIVE, assertClaimsOpen } from './claim-guards.ts';

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
