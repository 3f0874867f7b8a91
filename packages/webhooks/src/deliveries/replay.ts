import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { webhookDeliveries, webhookEndpoints } from '@ronghe/schema';

/**
 * An administrator sends a delivery again (delivered or failed alike): it is
 * pending and due now, with the same body and event id (receivers deduplicate
 * by `Ronghe-Event-Id`). The endpoint must be enabled. The route then attempts
 * it at once; if that fails, the usual backoff follows.
 */
export async function replayDelivery({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const row = (await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, input.id)).limit(1))[0];
  if (!row) throw notFound('投递记录');
  const endpoint = (await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, row.endpointId)).limit(1))[0];
  if (!endpoint) throw notFound('回调地址');
  if (endpoint.status !== 'enabled') throw new AppError('conflict', '回调地址已停用，请先启用再重新投递', { extra: { state: 'disabled' } });
  if (row.status === 'pending' && row.attempts === 0) throw new AppError('conflict', '该投递正在等待首次投递', { extra: { state: 'pending' } });
  const now = ctx.clock.now();
  const [upd] = await writeBatch(ctx.db, [
    ctx.db
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: now, version: row.version + 1 })
      .where(and(eq(webhookDeliveries.id, row.id), eq(webhookDeliveries.version, row.version))),
    auditGuarded(ctx, { action: 'webhook.delivery_replay', entityType: 'webhook_delivery', entityId: row.id, before: { status: row.status }, after: { status: 'pending', endpointId: row.endpointId, eventId: row.eventId } }),
  ]);
  if (!upd?.meta.changes) throw new AppError('conflict', '投递记录已变化，请刷新后重试');
  return { delivery: { ...row, status: 'pending', nextAttemptAt: now, version: row.version + 1 }, endpoint };
}
