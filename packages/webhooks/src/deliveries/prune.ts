import { sql } from 'drizzle-orm';
import { writeBatch, type TenantDb } from '@ronghe/core';
import { webhookAttempts, webhookDeliveries } from '@ronghe/schema';

/** How long the delivery log keeps a finished delivery and its attempts after its last activity. */
export const DELIVERY_RETENTION_DAYS = 90;
/** Deliveries removed per batch: two DELETEs over one bounded subquery, far under D1's per-query limits. */
export const PRUNE_CHUNK = 200;
/** Batches per run and tenant (20,000 deliveries a day); what is left goes the next day. */
export const PRUNE_MAX_ROUNDS = 100;

/**
 * The daily pruning of the delivery log (ADR 0028 § Consequences): a delivery
 * goes with its attempts once it is finished (delivered or given up — never
 * one still pending a retry) and nothing happened to it for 90 days: created,
 * delivered and last attempted before the cut (a replay of an old delivery
 * keeps it). Chunk by chunk, each chunk's attempts and deliveries in one
 * batch (the attempts first: they reference the delivery), selected by the
 * same ordered subquery, so a delivery never loses its attempts alone.
 */
export async function pruneDeliveries(
  db: TenantDb,
  now: number,
  opts: { chunk?: number; maxRounds?: number } = {},
): Promise<{ deliveries: number; attempts: number }> {
  const chunk = opts.chunk ?? PRUNE_CHUNK;
  const cut = now - DELIVERY_RETENTION_DAYS * 86_400_000;
  const due = sql`SELECT d.id FROM ${webhookDeliveries} d
    WHERE d.created_at < ${cut} AND d.status <> 'pending' AND coalesce(d.delivered_at, 0) < ${cut}
      AND NOT EXISTS (SELECT 1 FROM ${webhookAttempts} a WHERE a.delivery_id = d.id AND a.at >= ${cut})
    ORDER BY d.created_at, d.id LIMIT ${chunk}`;
  const out = { deliveries: 0, attempts: 0 };
  for (let round = 0; round < (opts.maxRounds ?? PRUNE_MAX_ROUNDS); round++) {
    const [attempts, deliveries] = await writeBatch(db, [
      sql`DELETE FROM ${webhookAttempts} WHERE ${webhookAttempts.deliveryId} IN (${due})`,
      sql`DELETE FROM ${webhookDeliveries} WHERE ${webhookDeliveries.id} IN (${due})`,
    ]);
    out.attempts += attempts?.meta.changes ?? 0;
    const gone = deliveries?.meta.changes ?? 0;
    out.deliveries += gone;
    if (gone < chunk) break;
  }
  return out;
}
