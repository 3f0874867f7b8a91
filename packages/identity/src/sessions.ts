import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError, newId, writeBatch, type Clock, type ControlDb } from '@ronghe/core';
import { auditLog, loginFailures, roleGrants, sessions, users, type RoleGrant, type User } from '@ronghe/schema';
import { assertPasswordRules, hashPassword, PBKDF2_ITERATIONS, randomToken, sha256Hex, verifyPassword } from './password.ts';
import { sessionCache, type SessionCache } from './session-cache.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Absolute session lifetime. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** A session unused this long expires. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** `last_seen_at` is refreshed at most this often, to keep reads write-free. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const TOKEN_PREFIX = 'rhs_';

interface IdentityDeps {
  db: ControlDb;
  clock: Clock;
  requestId: string;
}

function identityAudit(deps: IdentityDeps, user: Pick<User, 'id' | 'displayName'>, action: string, after: unknown = null) {
  const at = deps.clock.now();
  return deps.db.insert(auditLog).values({
    id: newId('aud', at),
    at,
    actorId: user.id,
    actorName: user.displayName,
    actorRole: 'self',
    action,
    entityType: 'user',
    entityId: user.id,
    before: null,
    after,
    requestId: deps.requestId,
  });
}

export interface LoginResult {
  token: string;
  expiresAt: number;
  user: PublicUser;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  grants: Array<Pick<RoleGrant, 'tenant' | 'role' | 'scopeOrgId' | 'scopeAllianceId'>>;
}

/**
 * Stands in for the stored hash of a username that is not an active account, so
 * such a login costs the same PBKDF2 work as a wrong password (timing tells nothing).
 * No password derives to 32 zero bytes in practice.
 */
const NO_ACCOUNT_HASH = { hash: 'A'.repeat(43) + '=', salt: 'A'.repeat(22) + '==', iterations: PBKDF2_ITERATIONS };

/** What counting one failed attempt did: still open (with the new count), locked by it, or already locked. */
type FailureOutcome = { kind: 'counted'; failed: number } | { kind: 'locked_now' } | { kind: 'locked'; lockedUntil: number };

/*
 * The lockout rule as SQL over the row's own columns, so the increment and the
 * lock decision are one atomic statement: concurrent wrong passwords cannot read
 * the same count and lose updates. A locked row is not touched (the WHERE); the
 * fifth failure resets the count and sets the lock, as before.
 */
const bumpFailed = sql.raw(`CASE WHEN failed_attempts + 1 >= ${MAX_FAILED_ATTEMPTS} THEN 0 ELSE failed_attempts + 1 END`);
const bumpLock = (lockUntil: number) =>
  sql`CASE WHEN failed_attempts + 1 >= ${MAX_FAILED_ATTEMPTS} THEN ${lockUntil} ELSE NULL END`;
const notLocked = (now: number) => sql`(locked_until IS NULL OR locked_until <= ${now})`;

function outcomeOf(
  returned: Array<{ failedAttempts: number; lockedUntil: number | null }>,
  current: Array<{ lockedUntil: number | null }>,
): FailureOutcome {
  const row = returned[0];
  // Nothing updated: another attempt locked the account since we read it.
  if (!row) return { kind: 'locked', lockedUntil: current[0]?.lockedUntil ?? 0 };
  if (row.lockedUntil !== null) return { kind: 'locked_now' };
  return { kind: 'counted', failed: row.failedAttempts };
}

async function countUserFailure(deps: IdentityDeps, user: User, now: number): Promise<FailureOutcome> {
  const [returned, , current] = await deps.db.batch([
    deps.db
      .update(users)
      .set({ failedAttempts: bumpFailed, lockedUntil: bumpLock(now + LOCKOUT_MS), updatedAt: now })
      .where(and(eq(users.id, user.id), notLocked(now)))
      .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil }),
    // Audited in the same batch, only when the update above counted (changes() = 1);
    // the action and count are read back from the row the update just wrote.
    // (Columns in the table's order: id, at, actor_id, actor_name, actor_role, action, entity_type,
    // entity_id, before, after, request_id.)
    deps.db.insert(auditLog).select(sql`
      SELECT ${newId('aud', now)}, ${now}, id, display_name, 'self',
             CASE WHEN locked_until IS NULL THEN 'auth.login_failed' ELSE 'auth.locked' END,
             'user', id, NULL,
             json_object('failedAttempts', CASE WHEN locked_until IS NULL THEN failed_attempts ELSE ${MAX_FAILED_ATTEMPTS} END),
             ${deps.requestId}
      FROM users WHERE id = ${user.id} AND changes() = 1`),
    deps.db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id)),
  ]);
  return outcomeOf(returned, current);
}

/** The same rule for a username that is no active account, in `login_failures` (nothing to audit: no one to name). */
async function countNoAccountFailure(deps: IdentityDeps, username: string, now: number): Promise<FailureOutcome> {
  const [returned, current] = await deps.db.batch([
    deps.db
      .insert(loginFailures)
      .values({ username, failedAttempts: 1, lockedUntil: null, updatedAt: now })
      .onConflictDoUpdate({
        target: loginFailures.username,
        set: { failedAttempts: bumpFailed, lockedUntil: bumpLock(now + LOCKOUT_MS), updatedAt: now },
        setWhere: notLocked(now),
      })
      .returning({ failedAttempts: loginFailures.failedAttempts, lockedUntil: loginFailures.lockedUntil }),
    deps.db.select({ lockedUntil: loginFailures.lockedUntil }).from(loginFailures).where(eq(loginFailures.username, username)),
  ]);
  return outcomeOf(returned, current);
}

function lockedError(lockedUntil: number, now: number): AppError {
  const minutes = Math.ceil((lockedUntil - now) / 60000);
  return new AppError('account_locked', `连续输错密码次数过多，账号已锁定，请 ${minutes} 分钟后再试`, {
    extra: { lockedUntil },
  });
}

/**
 * Signs in. A username that is unknown or disabled gets exactly the answers a
 * wrong password for an active account gets — the same "再错 N 次" countdown and
 * the same 423 after the fifth failure, from a counter of its own, after the same
 * hashing work — so the answer never tells whether an account exists.
 */
export async function login(
  deps: IdentityDeps,
  input: { username: string; password: string; userAgent?: string | null },
): Promise<LoginResult> {
  const now = deps.clock.now();
  // Both lookups in one round trip, whichever applies: the cost is the same either way.
  const [found, shadow] = await deps.db.batch([
    deps.db.select().from(users).where(eq(users.username, input.username)).limit(1),
    deps.db.select().from(loginFailures).where(eq(loginFailures.username, input.username)).limit(1),
  ]);
  const user = found[0]?.status === 'active' ? found[0] : undefined;
  const lockedUntil = user ? user.lockedUntil : shadow[0]?.lockedUntil;
  if (lockedUntil && lockedUntil > now) throw lockedError(lockedUntil, now);
  const ok = await verifyPassword(
    input.password,
    user ? { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations } : NO_ACCOUNT_HASH,
  );
  if (!user || !ok) {
    const outcome = user ? await countUserFailure(deps, user, now) : await countNoAccountFailure(deps, input.username, now);
    if (outcome.kind === 'locked') throw lockedError(outcome.lockedUntil, now);
    if (outcome.kind === 'locked_now') throw new AppError('account_locked', '连续 5 次输错密码，账号已锁定 15 分钟');
    throw new AppError('invalid_credentials', `用户名或密码错误，再错 ${MAX_FAILED_ATTEMPTS - outcome.failed} 次将锁定账号`);
  }
  const token = randomToken(TOKEN_PREFIX);
  const tokenHash = await sha256Hex(token);
  const expiresAt = now + SESSION_TTL_MS;
  const [, , grants] = await deps.db.batch([
    deps.db.insert(sessions).values({
      tokenHash,
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      userAgent: input.userAgent?.slice(0, 200) ?? null,
    }),
    deps.db.update(users).set({ failedAttempts: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, user.id)),
    deps.db.select().from(roleGrants).where(eq(roleGrants.userId, user.id)),
    identityAudit(deps, user, 'auth.login'),
  ]);
  return { token, expiresAt, user: toPublicUser(user, grants) };
}

function publicGrant(g: RoleGrant): PublicUser['grants'][number] {
  return { tenant: g.tenant, role: g.role, scopeOrgId: g.scopeOrgId, scopeAllianceId: g.scopeAllianceId };
}

function toPublicUser(user: User, grants: RoleGrant[]): PublicUser {
  return { id: user.id, username: user.username, displayName: user.displayName, grants: grants.map(publicGrant) };
}

export interface ResolvedSession {
  tokenHash: string;
  user: PublicUser;
  expiresAt: number;
}

/**
 * Looks a bearer token up; null when unknown, revoked, expired or idle too long.
 * With `cache`, a session resolved less than its TTL ago in this isolate is
 * reused without a control-database round trip (ADR 0032): a revocation made
 * elsewhere is seen within that TTL, one made in this isolate at once.
 */
export async function resolveSession(deps: Omit<IdentityDeps, 'requestId'> & { cache?: SessionCache }, token: string): Promise<ResolvedSession | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const now = deps.clock.now();
  const tokenHash = await sha256Hex(token);
  const cached = deps.cache?.get(tokenHash, now, SESSION_IDLE_MS);
  if (cached) return cached;
  const generation = deps.cache?.generation ?? 0;
  // One round trip for the session, its user and the user's grants: this runs on every request.
  // (Distinct column names: D1 batches return rows as objects keyed by column name.)
  const [rows, grants] = await deps.db.batch([
    deps.db
      .select({
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        status: users.status,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now))),
    deps.db
      .select()
      .from(roleGrants)
      .where(eq(roleGrants.userId, sql`(SELECT user_id FROM sessions WHERE token_hash = ${tokenHash})`)),
  ]);
  const row = rows[0];
  if (!row || row.status !== 'active') return null;
  if (now - row.lastSeenAt > SESSION_IDLE_MS) return null;
  if (now - row.lastSeenAt > TOUCH_EVERY_MS) {
    await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const session = {
    tokenHash,
    user: { id: row.id, username: row.username, displayName: row.displayName, grants: grants.map(publicGrant) },
    expiresAt: row.expiresAt,
  };
  deps.cache?.set(session, now - row.lastSeenAt > TOUCH_EVERY_MS ? now : row.lastSeenAt, now, generation);
  return session;
}

export async function logout(deps: IdentityDeps, session: ResolvedSession): Promise<void> {
  await deps.db.batch([
    deps.db.update(sessions).set({ revokedAt: deps.clock.now() }).where(eq(sessions.tokenHash, session.tokenHash)),
    identityAudit(deps, session.user, 'auth.logout'),
  ]);
  sessionCache.clear();
}

/** Changes one's own password; every other session of the user is ended. */
export async function changePassword(
  deps: IdentityDeps,
  session: ResolvedSession,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await deps.db.query.users.findFirst({ where: eq(users.id, session.user.id) });
  if (!user) throw new AppError('unauthenticated');
  const ok = await verifyPassword(input.currentPassword, {
    hash: user.passwordHash,
    salt: user.passwordSalt,
    iterations: user.passwordIterations,
  });
  if (!ok) {
    throw new AppError('validation_failed', '当前密码不正确', {
      errors: [{ path: 'body.currentPassword', message: '当前密码不正确' }],
    });
  }
  assertPasswordRules(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', '新密码不能与当前密码相同', {
      errors: [{ path: 'body.newPassword', message: '新密码不能与当前密码相同' }],
    });
  }
  const now = deps.clock.now();
  const next = await hashPassword(input.newPassword);
  // Through writeBatch: a password change is a change to the account and emits its event (ADR 0012).
  await writeBatch(deps.db, [
    deps.db
      .update(users)
      .set({
        passwordHash: next.hash,
        passwordSalt: next.salt,
        passwordIterations: next.iterations,
        passwordChangedAt: now,
        updatedAt: now,
        version: user.version + 1,
      })
      .where(eq(users.id, user.id)),
    deps.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt))),
    identityAudit(deps, user, 'auth.password_changed'),
  ]);
  sessionCache.clear();
  // The session in use is revoked too; the client logs in again with the new password.
}
