import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LEGACY_API_SCOPES, type ApiScope } from '../api-scopes.ts';

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
    /**
     * Unused since ADR 0026: the last use is kept with the per-day usage in the
     * control database (written in the rate-limit batch), not here.
     */
    lastUsedAt: integer('last_used_at'),
    /** What the key may do (ADR 0026): at least one of API_SCOPES; keys from before scopes hold LEGACY_API_SCOPES. */
    scopes: text('scopes', { mode: 'json' }).$type<ApiScope[]>().notNull().default([...LEGACY_API_SCOPES]),
    /** Epoch ms from which the key no longer works (the start of the day after its last day, Asia/Shanghai); null = no expiry. */
    expiresAt: integer('expires_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_created_idx').on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
