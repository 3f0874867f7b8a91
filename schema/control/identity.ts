import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../enums.ts';

/** Staff accounts. One identity may hold roles in several tenants. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** The display name's pinyin sort key (ADR 0018), written with every display name; the account list orders by it. */
    sortKey: text('sort_key').notNull().default(''),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    passwordSalt: text('password_salt').notNull(),
    passwordIterations: integer('password_iterations').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: integer('locked_until'),
    passwordChangedAt: integer('password_changed_at').notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

/**
 * A role held in one tenant, optionally narrowed to one organization (its
 * subtree for committee reviewers) or one alliance.
 */
export const roleGrants = sqliteTable(
  'role_grants',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    tenant: text('tenant').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    scopeOrgId: text('scope_org_id'),
    scopeAllianceId: text('scope_alliance_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('role_grants_user_idx').on(t.userId, t.tenant)],
);

/** Opaque bearer sessions; only the SHA-256 of the token is stored (ADR 0004). */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    revokedAt: integer('revoked_at'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type Session = typeof sessions.$inferSelect;

/**
 * The failed-login counter for usernames that are not an active account
 * (unknown or disabled), so that the answer to a wrong login — the "再错 N 次"
 * hint and the 423 after the fifth failure — is the same whether the account
 * exists or not. Same columns and rule as `users.failed_attempts`/`locked_until`.
 * A row with 0 failures and a past lock behaves as no row and may be pruned.
 */
export const loginFailures = sqliteTable('login_failures', {
  username: text('username').primaryKey(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: integer('locked_until'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Fixed-window request counters (ADR 0015): one row per bucket (`login-ip:<ip>`,
 * `login-user:<name>`, `api-key:<id>`), holding the current window's start and
 * its hits; a new window overwrites the row, so it never grows per request.
 */
export const rateLimits = sqliteTable('rate_limits', {
  bucket: text('bucket').primaryKey(),
  windowStart: integer('window_start').notNull(),
  hits: integer('hits').notNull(),
});
