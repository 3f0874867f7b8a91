import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, isStaleGuardError, writeBatch, type Ctx } from '@ronghe/core';
import { serviceLogs, SERVICE_LOG_STATUS_LABELS, type PostWorkView } from '@ronghe/schema';
import { assertOwner, fieldError, loadPost } from './shared.ts';
import { postWork } from './views.ts';

/**
 * The post owner confirms a service record (it then counts for hours and
 * points) or rejects it with a reason. Repeating the same decision is
 * idempotent: it writes nothing and emits no second event, so a double click
 * or a retried request never awards twice. The opposite decision on a decided
 * record is a conflict.
 */
export async function decideService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { postId: string; serviceLogId: string; decision: 'confirm' | 'reject'; reason?: string | null };
}): Promise<PostWorkView> {
  const { post, owner } = await loadPost(ctx, input.postId);
  assertOwner(ctx, 'post.decide', owner, '只有设岗的社区或联合体可以确认服务记录');
  const load = async () => (await ctx.db.select().from(serviceLogs).where(and(eq(serviceLogs.id, input.serviceLogId), eq(serviceLogs.postId, post.id))).limit(1))[0];
  const log = await load();
  if (!log) throw new AppError('not_found', '服务记录不存在或无权访问');
  const to = input.decision === 'confirm' ? 'confirmed' : 'rejected';
  const settled = (status: typeof log.status) => {
    if (status === to) return true;
    if (status !== 'logged') throw new AppError('conflict', `该服务记录已${SERVICE_LOG_STATUS_LABELS[status]}，不能改为${SERVICE_LOG_STATUS_LABELS[to]}`);
    return false;
  };
  if (settled(log.status)) return postWork({ ctx, input: { id: post.id } });
  if (to === 'rejected' && !input.reason) throw fieldError('body.reason', '不予确认时请说明理由');
  const now = ctx.clock.now();
  try {
    await writeBatch(ctx.db, [
      ctx.db
        .update(serviceLogs)
        .set({ status: to, decisionReason: input.reason ?? null, decidedBy: ctx.actor.userId, decidedAt: now })
        .where(and(eq(serviceLogs.id, log.id), eq(serviceLogs.status, 'logged'))),
      auditGuarded(ctx, {
        action: `service.${input.decision}`,
        entityType: 'service_log',
        entityId: log.id,
        before: { status: log.status },
        after: { serviceLogId: log.id, personId: log.personId, postId: log.postId, claimId: log.claimId, minutes: log.minutes, status: to, reason: input.reason ?? null },
      }),
    ]);
  } catch (err) {
    // Someone decided it meanwhile: the same decision is done (idempotent), another one is a conflict.
    if (!isStaleGuardError(err)) throw err;
    const now2 = await load();
    settled(now2!.status);
  }
  return postWork({ ctx, input: { id: post.id } });
}
