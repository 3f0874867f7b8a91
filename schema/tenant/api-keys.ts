import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Keys for the public API, kept in the tenant's own database: a key names
 * its tenant in its prefix (`rhk_<tenant>_…`), is looked up only there, and
 * its issue and revocation are audited in the same batch as the change.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The first characters of the key, shown to administrators to tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
    lastUsedAt: integer('last_used_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_created_idx').on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
