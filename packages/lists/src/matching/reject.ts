import { and, eq } from 'drizzle-orm';
import { AppError, auditInsert, newId, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { matchRejections, needs, resources, type RejectMatchInput } from '@ronghe/schema';
import { loadAllianceRefs, mayOn } from '../shared/alliance.ts';

/** A person refuses a pair: it is no longer suggested nor assigned. */
export async function rejectMatch({ ctx, input }: { ctx: Ctx; input: RejectMatchInput }): Promise<void> {
  const [n] = await ctx.db.select().from(needs).where(eq(needs.id, input.needId));
  const [r] = await ctx.db.select({ id: resources.id }).from(resources).where(eq(resources.id, input.resourceId));
  if (!n) throw new AppError('validation_failed', '需求不存在', { errors: [{ path: 'body.needId', message: '需求不存在' }] });
  if (!r) throw new AppError('validation_failed', '资源不存在', { errors: [{ path: 'body.resourceId', message: '资源不存在' }] });
  const a = (await loadAllianceRefs(ctx, [n.allianceId])).get(n.allianceId);
  if (!a) throw notFound('需求');
  if (!mayOn(ctx, 'match.accept', a)) throw new AppError('forbidden', '只有联合体牵头党组织或组织部管理员可以拒绝对接建议');
  const [dup] = await ctx.db.select({ id: matchRejections.id }).from(matchRejections).where(and(eq(matchRejections.needId, n.id), eq(matchRejections.resourceId, r.id)));
  if (dup) throw new AppError('conflict', '该对接建议已被拒绝');
  const now = ctx.clock.now();
  const id = newId('mrj', now);
  await writeBatch(ctx.db, [
    ctx.db.insert(matchRejections).values({ id, needId: n.id, resourceId: r.id, reason: input.reason ?? null, rejectedBy: ctx.actor.userId, rejectedAt: now }),
    auditInsert(ctx, { action: 'match.reject', entityType: 'need', entityId: n.id, after: { resourceId: r.id, reason: input.reason ?? null } }),
  ]);
}
