import { and, desc, eq, isNull } from 'drizzle-orm';
import { AppError, auditInsert, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { deadLetters, type DeadLetter } from '@ronghe/schema';

export interface DeadLetterView {
  id: string;
  eventId: string;
  eventType: string;
  consumer: string;
  error: string;
  payload: unknown;
  firstFailedAt: number;
  lastFailedAt: number;
  attempts: number;
  replayedAt: number | null;
  replayedBy: string | null;
}

const view = (d: DeadLetter): DeadLetterView => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  consumer: d.consumer,
  error: d.error,
  payload: d.payload,
  firstFailedAt: d.firstFailedAt,
  lastFailedAt: d.lastFailedAt,
  attempts: d.attempts,
  replayedAt: d.replayedAt,
  replayedBy: d.replayedBy,
});

/** The tenant's dead letters, newest failure first; `pending` keeps those not yet replayed. */
export async function listDeadLetters({ ctx, input }: { ctx: Ctx; input: { state?: 'pending' | 'replayed'; limit?: number } }): Promise<DeadLetterView[]> {
  const rows = await ctx.db
    .select()
    .from(deadLetters)
    .where(input.state === 'pending' ? isNull(deadLetters.replayedAt) : undefined)
    .orderBy(desc(deadLetters.lastFailedAt), desc(deadLetters.id))
    .limit(Math.min(input.limit ?? 100, 200));
  return rows.filter((r) => input.state !== 'replayed' || r.replayedAt !== null).map(view);
}

/**
 * Sends a dead letter's event to the events queue again and records who did
 * it (audited, with its own event). Consumers that had already processed the
 * event skip it (idempotent by event id); the one that failed gets another go.
 * If it fails again, its row is pending again.
 */
export async function replayDeadLetter({ ctx, input, queue }: { ctx: Ctx; input: { id: string }; queue: Queue | undefined }): Promise<DeadLetterView> {
  const row = await ctx.db.query.deadLetters.findFirst({ where: eq(deadLetters.id, input.id) });
  if (!row) throw notFound('死信');
  if (row.replayedAt !== null) throw new AppError('conflict', '该死信已重新投递，等待处理结果', { extra: { state: 'replayed' } });
  if (!queue) throw new AppError('conflict', '事件队列未配置，暂不能重新投递');
  await queue.send(row.payload, { contentType: 'json' });
  const now = ctx.clock.now();
  await writeBatch(ctx.db, [
    ctx.db
      .update(deadLetters)
      .set({ replayedAt: now, replayedBy: ctx.actor.userId, version: row.version + 1 })
      .where(and(eq(deadLetters.id, row.id), isNull(deadLetters.replayedAt))),
    auditInsert(ctx, { action: 'event.dead_letter_replay', entityType: 'dead_letter', entityId: row.id, before: { replayedAt: null }, after: { eventId: row.eventId, consumer: row.consumer } }),
  ]);
  return view({ ...row, replayedAt: now, replayedBy: ctx.actor.userId, version: row.version + 1 });
}
