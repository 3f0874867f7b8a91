import { toEnvelope, type OutboxRecord } from './outbox.ts';
import type { EventEnvelope } from './events.ts';

/** A database whose outbox the relay reads, and the tenant its events belong to. */
export interface OutboxSource {
  tenant: string;
  db: D1Database;
}

export interface RelayResult {
  tenant: string;
  sent: number;
  failed: number;
  error?: string;
}

/** Cloudflare Queues: at most 100 messages and 256 KB per `sendBatch`. */
export const SEND_BATCH_MAX_MESSAGES = 100;
const SEND_BATCH_MAX_BYTES = 240 * 1024;

function chunks(rows: EventEnvelope[]): EventEnvelope[][] {
  const out: EventEnvelope[][] = [];
  let cur: EventEnvelope[] = [];
  let bytes = 0;
  for (const e of rows) {
    const size = JSON.stringify(e).length * 3; // worst case UTF-8
    if (cur.length && (cur.length >= SEND_BATCH_MAX_MESSAGES || bytes + size > SEND_BATCH_MAX_BYTES)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(e);
    bytes += size;
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Moves a database's undelivered outbox rows onto the queue, oldest first, and
 * marks them relayed. Each mark is one statement with one bound list (json_each),
 * whatever the chunk size (D1: at most 100 bound parameters per statement). A
 * send that fails leaves its rows undelivered (their `attempts` counted) for the
 * next relay or the Cron sweep; a row sent twice is harmless because consumers
 * are idempotent by event id.
 */
export async function relayOutbox(src: OutboxSource, queue: Queue, opts: { now?: number; limit?: number } = {}): Promise<RelayResult> {
  const limit = opts.limit ?? 500;
  const rows = (await src.db.prepare('SELECT * FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT ?').bind(limit).all<OutboxRecord>()).results;
  const result: RelayResult = { tenant: src.tenant, sent: 0, failed: 0 };
  for (const chunk of chunks(rows.map((r) => toEnvelope(r, src.tenant)))) {
    const ids = JSON.stringify(chunk.map((e) => e.id));
    try {
      await queue.sendBatch(chunk.map((body) => ({ body, contentType: 'json' as const })));
    } catch (err) {
      result.failed += chunk.length;
      result.error = String((err as Error)?.message ?? err);
      await src.db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id IN (SELECT value FROM json_each(?))').bind(ids).run();
      continue;
    }
    await src.db.prepare('UPDATE outbox SET relayed_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND relayed_at IS NULL').bind(opts.now ?? Date.now(), ids).run();
    result.sent += chunk.length;
  }
  return result;
}

/**
 * Relays several databases one after another (the Cron sweep; D1 allows six
 * connections per invocation, and a sequential loop never needs more than one).
 * A failing database is reported and does not stop the others.
 */
export async function relayAll(sources: readonly OutboxSource[], queue: Queue, opts: { now?: number } = {}): Promise<RelayResult[]> {
  const out: RelayResult[] = [];
  for (const src of sources) {
    try {
      out.push(await relayOutbox(src, queue, opts));
    } catch (err) {
      out.push({ tenant: src.tenant, sent: 0, failed: 0, error: String((err as Error)?.message ?? err) });
    }
  }
  return out;
}
