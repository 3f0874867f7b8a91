import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Idempotency records of /v1 writes (ADR 0027), in the tenant's own database
 * so that the record of a write and the write itself commit in one D1 batch.
 * Keyed by the API key and the client's `Idempotency-Key`: two apps can use
 * the same key without meeting. `in_flight` while the first request runs,
 * `done` with the response once its batch has committed.
 */
export const idempotencyRecords = sqliteTable(
  'idempotency_records',
  {
    apiKeyId: text('api_key_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 (hex) of method, path and raw body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['in_flight', 'done'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index('idempotency_records_created_idx').on(t.createdAt)],
);
export type IdempotencyRecord = typeof idempotencyRecords.$inferSelect;
