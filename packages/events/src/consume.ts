import { parseEvent, type EventEnvelope } from './events.ts';

/**
 * A consumer: a capability reacting to events. `handle` returns the
 * statements of its effect in the event's tenant database; the dispatcher runs
 * them in ONE batch with the consumer's `consumed_events` row, so a redelivered
 * event (at-least-once delivery) finds the row and changes nothing twice.
 */
export interface Consumer {
  /** Stable name: the key of its `consumed_events` rows. Never rename a live consumer. */
  name: string;
  /** The event types it handles. */
  types: readonly string[];
  handle(event: EventEnvelope, deps: { db: D1Database; env: Record<string, unknown> }): Promise<D1PreparedStatement[]> | D1PreparedStatement[];
  /**
   * For a consumer that recomputes rather than applies (the city rollup): events
   * with the same key in one queue batch need one recomputation. Every event of a
   * batch was committed before the batch was delivered (the outbox is relayed
   * after commit), so the first event's `handle` already reads what the later
   * ones changed; they get only their `consumed_events` marker. Null: no
   * coalescing for this event.
   */
  coalesceKey?(event: EventEnvelope): string | null;
}

/** Where an event's tenant database is, by tenant slug. */
export type DbOf = (tenant: string) => D1Database | undefined;

/** Cloudflare Queues' retry policy mirrored from wrangler.toml (`max_retries`): attempt MAX_RETRIES + 1 is the last. */
export const MAX_RETRIES = 5;

/** Backoff before the next attempt: 10 s, 20 s, 40 s … at most 10 min. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));
}

export type Outcome = 'done' | 'already' | 'skipped';

/**
 * Runs one consumer on one event, exactly once per (consumer, event).
 * `covered`: the coalescing keys (see `Consumer.coalesceKey`) whose effect this
 * batch has already had; an event with one of them is only marked consumed.
 */
export async function applyOnce(consumer: Consumer, event: EventEnvelope, db: D1Database, env: Record<string, unknown>, now: number, covered?: Set<string>): Promise<Outcome> {
  if (!consumer.types.includes(event.type)) return 'skipped';
  const seen = await db.prepare('SELECT 1 AS y FROM consumed_events WHERE consumer = ? AND event_id = ?').bind(consumer.name, event.id).first();
  if (seen) return 'already';
  const key = covered && consumer.coalesceKey ? consumer.coalesceKey(event) : null;
  const effect = key !== null && covered!.has(key) ? [] : await consumer.handle(event, { db, env });
  try {
    // The marker goes first: if a concurrent delivery got there before us, its
    // primary key fails this batch and the effect is rolled back with it.
    await db.batch([db.prepare('INSERT INTO consumed_events (consumer, event_id, at) VALUES (?, ?, ?)').bind(consumer.name, event.id, now), ...effect]);
  } catch (err) {
    if (/UNIQUE constraint failed: consumed_events/.test(String((err as Error)?.message ?? err))) return 'already';
    throw err;
  }
  if (key !== null) covered!.add(key);
  return 'done';
}

/** Records (or re-records) a failure of an event in its tenant's `dead_letters`. */
export function deadLetterUpsert(db: D1Database, event: { id: string; type: string }, payload: unknown, consumer: string, error: string, attempts: number, now: number, id: string) {
  return db
    .prepare(
      `INSERT INTO dead_letters (id, event_id, event_type, consumer, error, payload, first_failed_at, last_failed_at, attempts, replayed_at, replayed_by, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1)
       ON CONFLICT (event_id, consumer) DO UPDATE SET error = excluded.error, last_failed_at = excluded.last_failed_at,
         attempts = max(dead_letters.attempts, excluded.attempts), payload = excluded.payload, replayed_at = NULL, replayed_by = NULL, version = dead_letters.version + 1`,
    )
    .bind(id, event.id, event.type, consumer, error.slice(0, 2000), JSON.stringify(payload), now, now, attempts);
}

export interface ConsumeOptions {
  consumers: readonly Consumer[];
  dbOf: DbOf;
  env: Record<string, unknown>;
  now?: () => number;
  newId: () => string;
}

/**
 * The queue handler's work for the events queue: each message is validated,
 * dispatched to every consumer that handles its type, and acked when all of
 * them succeeded (or had already). Otherwise it is retried with backoff; on its
 * last attempt the failures are written to `dead_letters` of the event's
 * tenant before the retry hands the message to the dead-letter queue.
 * A message that is not a valid event can never succeed: it is dead-lettered
 * at once.
 */
export async function consumeBatch(batch: MessageBatch<unknown>, opts: ConsumeOptions): Promise<void> {
  const now = opts.now ?? Date.now;
  // Per consumer, the coalescing keys this batch has already recomputed.
  const covered = new Map<string, Set<string>>(opts.consumers.filter((c) => c.coalesceKey).map((c) => [c.name, new Set<string>()]));
  for (const message of batch.messages) {
    let event: EventEnvelope;
    try {
      event = parseEvent(message.body);
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', msg: 'event.invalid', id: message.id, error: String(err) }));
      message.retry({ delaySeconds: 0 });
      continue;
    }
    const db = opts.dbOf(event.tenant);
    if (!db) {
      console.error(JSON.stringify({ level: 'error', msg: 'event.unknown_tenant', id: event.id, tenant: event.tenant }));
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      continue;
    }
    const failures: Array<{ consumer: string; error: string }> = [];
    for (const consumer of opts.consumers) {
      try {
        await applyOnce(consumer, event, db, opts.env, now(), covered.get(consumer.name));
      } catch (err) {
        failures.push({ consumer: consumer.name, error: String((err as Error)?.message ?? err) });
      }
    }
    if (failures.length === 0) {
      message.ack();
      continue;
    }
    console.error(JSON.stringify({ level: 'error', msg: 'event.consumer_failed', id: event.id, type: event.type, attempts: message.attempts, failures }));
    if (message.attempts > MAX_RETRIES) {
      const at = now();
      await db.batch(failures.map((f) => deadLetterUpsert(db, event, event, f.consumer, f.error, message.attempts, at, opts.newId())));
    }
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  }
}

/**
 * The dead-letter queue's handler: makes sure every message that reached it has
 * a row in `dead_letters` of its tenant (the events consumer normally wrote one
 * with the failing consumer and its error; if it could not, the row says
 * `queue`), then acks.
 */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, opts: Omit<ConsumeOptions, 'consumers'>): Promise<void> {
  const now = opts.now ?? Date.now;
  for (const message of batch.messages) {
    const body = message.body as Partial<EventEnvelope> | null;
    const db = typeof body?.tenant === 'string' ? opts.dbOf(body.tenant) : undefined;
    if (!db || typeof body?.id !== 'string') {
      // Nowhere to keep it: log it whole, so it is not lost without a trace.
      console.error(JSON.stringify({ level: 'error', msg: 'event.dead_letter_unroutable', id: message.id, body }));
      message.ack();
      continue;
    }
    const known = await db.prepare('SELECT 1 AS y FROM dead_letters WHERE event_id = ? AND replayed_at IS NULL').bind(body.id).first();
    if (!known) {
      await deadLetterUpsert(db, { id: body.id, type: String(body.type ?? 'unknown') }, body, 'queue', '重试次数用尽，进入死信队列', message.attempts, now(), opts.newId()).run();
    }
    message.ack();
  }
}
