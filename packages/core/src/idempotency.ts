import { and, eq, lt, or, sql } from 'drizzle-orm';
import { idempotencyRecords } from '@ronghe/schema';
import type { Statement } from './batch.ts';
import type { TenantDb } from './db.ts';

// Idempotent writes of the public API (ADR 0027). The first request with a
// key claims it (an `in_flight` row); its write batch carries the statement
// that turns the claim into the stored response, so a committed change always
// has its record and a record never exists without its change. A retry reads
// the record back; the HTTP layer turns the outcome into a response.

/** Records are kept this long; an older one is treated as absent (and deleted on sight or by the daily sweep). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** An `in_flight` claim this old belongs to a request that died before its batch: it may be claimed again. */
export const IDEMPOTENCY_STALE_MS = 60 * 1000;
/** Longest key accepted (Stripe's limit; a UUID is 36). */
export const IDEMPOTENCY_KEY_MAX = 255;

export type IdempotencyOutcome =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

export interface IdempotencyRef {
  apiKeyId: string;
  key: string;
}

/** Whether a client's key is usable: 1–255 visible ASCII characters. */
export function idempotencyKeyValid(key: string): boolean {
  return key.length >= 1 && key.length <= IDEMPOTENCY_KEY_MAX && /^[\x21-\x7e]+$/.test(key);
}

/**
 * Claims `ref` for a request whose fingerprint is `hash`, or says why not:
 * a finished request with the same fingerprint replays, another fingerprint is
 * a mismatch, an unfinished one is in flight. Expired records and stale claims
 * are removed first, so they never answer.
 */
export async function claimIdempotencyKey(db: TenantDb, ref: IdempotencyRef, hash: string, now: number): Promise<IdempotencyOutcome> {
  const mine = and(eq(idempotencyRecords.apiKeyId, ref.apiKeyId), eq(idempotencyRecords.key, ref.key));
  const [, inserted] = await db.batch([
    db
      .delete(idempotencyRecords)
      .where(
        and(
          mine,
          or(
            lt(idempotencyRecords.createdAt, now - IDEMPOTENCY_TTL_MS),
            and(eq(idempotencyRecords.state, 'in_flight'), lt(idempotencyRecords.createdAt, now - IDEMPOTENCY_STALE_MS)),
          ),
        ),
      ),
    db
      .insert(idempotencyRecords)
      .values({ apiKeyId: ref.apiKeyId, key: ref.key, requestHash: hash, state: 'in_flight', createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyRecords.key }),
  ]);
  if (inserted.length === 1) return { kind: 'claimed' };
  const [rec] = await db.select().from(idempotencyRecords).where(mine).limit(1);
  // Gone between the two reads (the first request failed and released it): the client may simply retry.
  if (!rec) return { kind: 'in_flight' };
  if (rec.requestHash !== hash) return { kind: 'mismatch' };
  if (rec.state === 'in_flight') return { kind: 'in_flight' };
  return { kind: 'replay', status: rec.responseStatus ?? 200, body: rec.responseBody === null ? null : JSON.parse(rec.responseBody) };
}

/**
 * The statement that stores the response of a claimed request, for the same
 * batch as the change it answers for. It only completes this request's own
 * claim (`in_flight`), so it can never overwrite another request's record.
 */
export function completeIdempotencyStatement(db: TenantDb, ref: IdempotencyRef, status: number, body: unknown, now: number): Statement {
  return db
    .update(idempotencyRecords)
    .set({ state: 'done', responseStatus: status, responseBody: JSON.stringify(body), completedAt: now })
    .where(and(eq(idempotencyRecords.apiKeyId, ref.apiKeyId), eq(idempotencyRecords.key, ref.key), eq(idempotencyRecords.state, 'in_flight')));
}

/** Gives a claim back when the request changed nothing (refused, invalid): the client may retry with the same key. */
export async function releaseIdempotencyKey(db: TenantDb, ref: IdempotencyRef): Promise<void> {
  await db
    .delete(idempotencyRecords)
    .where(and(eq(idempotencyRecords.apiKeyId, ref.apiKeyId), eq(idempotencyRecords.key, ref.key), eq(idempotencyRecords.state, 'in_flight')));
}

/** Deletes the records older than the retention (the daily sweep); returns how many went. */
export async function sweepIdempotencyRecords(db: TenantDb, now: number): Promise<number> {
  const r = await db.run(sql`DELETE FROM ${idempotencyRecords} WHERE ${idempotencyRecords.createdAt} < ${now - IDEMPOTENCY_TTL_MS}`);
  return r.meta.changes ?? 0;
}
