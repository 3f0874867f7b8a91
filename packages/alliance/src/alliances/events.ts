import { newId, primaryRole, type Ctx } from '@ronghe/core';
import { allianceEvents, type Alliance } from '@ronghe/schema';

export function eventInsert(
  ctx: Ctx,
  e: { allianceId: string; action: string; fromStatus: Alliance['status'] | null; toStatus: Alliance['status']; onDate: string; reason?: string | null; documentId?: string | null; adjustmentId?: string | null },
  /** When it was recorded, if not now: entries of one decision are ordered by it (the timeline is ordered by id, time first). */
  opts: { at?: number } = {},
) {
  const at = opts.at ?? ctx.clock.now();
  return ctx.db.insert(allianceEvents).values({
    id: newId('aev', at),
    allianceId: e.allianceId,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    onDate: e.onDate,
    at,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: primaryRole(ctx),
    reason: e.reason ?? null,
    documentId: e.documentId ?? null,
    adjustmentId: e.adjustmentId ?? null,
  });
}
