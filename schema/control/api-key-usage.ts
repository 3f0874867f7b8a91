import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Public-API calls per key per day (ADR 0026), in the control database next to
 * `rate_limits`: the usage upsert rides in the same statement batch as the
 * key's rate-limit hit, so counting costs no extra round trip. `day` is the
 * Asia/Shanghai date; `last_used_at` the latest call of that day (the key's
 * last use is the newest row's). Key ids are unique across tenants; `tenant`
 * says whose key it is.
 */
export const apiKeyUsage = sqliteTable(
  'api_key_usage',
  {
    keyId: text('key_id').notNull(),
    day: text('day').notNull(),
    tenant: text('tenant').notNull(),
    calls: integer('calls').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.day] })],
);

export type ApiKeyUsage = typeof apiKeyUsage.$inferSelect;
