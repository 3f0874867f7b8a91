import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Clock, ControlDb } from '@ronghe/core';
import { loginFailures, rateLimits } from '@ronghe/schema';

/** One limit: at most `limit` hits per fixed window of `windowMs` (ADR 0015). */
export interface RateLimitRule {
  /** Prefix of the bucket key, naming what is counted. */
  name: string;
  limit: number;
  windowMs: number;
}

export const RATE_LIMITS = {
  /** Sign-ins from one client address: generous, since a whole office may share one address. */
  loginPerIp: { name: 'login-ip', limit: 60, windowMs: 60_000 },
  /** Sign-ins for one username, whether the account exists or not (the answer must not tell). */
  loginPerUsername: { name: 'login-user', limit: 20, windowMs: 60_000 },
  /** Requests with one API key on /v1. */
  apiKey: { name: 'api-key', limit: 120, windowMs: 60_000 },
} as const satisfies Record<string, RateLimitRule>;

/** The verdict for a request, and what the RateLimit-* / Retry-After headers say. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms at which the deciding window ends. */
  resetAt: number;
}

/**
 * Counts one hit in each bucket — one atomic upsert per bucket, all in one round
 * trip — and decides: refused when any bucket is over its limit. The counter is
 * exact (D1 applies the upserts one at a time), unlike the per-location Workers
 * rate-limiting binding; see ADR 0015. A refused request is counted too, so
 * hammering past the limit does not earn the next window early.
 * `also`: further control-database statements to send in the same batch
 * (an API key's per-day usage, ADR 0026), so they cost no extra round trip.
 */
export async function hitRateLimits(
  deps: { db: ControlDb; clock: Clock },
  hits: Array<{ rule: RateLimitRule; key: string }>,
  also: Array<BatchItem<'sqlite'>> = [],
): Promise<RateDecision> {
  const now = deps.clock.now();
  const statements = hits.map(({ rule, key }) => {
    const windowStart = now - (now % rule.windowMs);
    return deps.db
      .insert(rateLimits)
      .values({ bucket: `${rule.name}:${key}`, windowStart, hits: 1 })
      .onConflictDoUpdate({
        target: rateLimits.bucket,
        // Both assignments read the row as it was: same window → one more hit, a new window → the first.
        set: {
          hits: sql`CASE WHEN window_start = ${windowStart} THEN hits + 1 ELSE 1 END`,
          windowStart,
        },
      })
      .returning({ hits: rateLimits.hits });
  });
  if (!statements.length) throw new Error('hitRateLimits needs at least one bucket');
  const batch = [...statements, ...also] as [BatchItem<'sqlite'>, ...Array<BatchItem<'sqlite'>>];
  const results = (await deps.db.batch(batch)) as Array<Array<{ hits: number }>>;
  const verdicts = hits.map(({ rule }, i) => {
    const count = results[i]![0]!.hits;
    const resetAt = now - (now % rule.windowMs) + rule.windowMs;
    return { allowed: count <= rule.limit, limit: rule.limit, remaining: Math.max(0, rule.limit - count), resetAt };
  });
  const refused = verdicts.filter((v) => !v.allowed).sort((a, b) => b.resetAt - a.resetAt);
  if (refused.length) return refused[0]!;
  return verdicts.sort((a, b) => a.remaining - b.remaining)[0]!;
}

/** The response headers for a decision: RateLimit-* (IETF draft) always, Retry-After when refused. */
export function rateLimitHeaders(d: RateDecision, now: number): Record<string, string> {
  const seconds = String(Math.max(1, Math.ceil((d.resetAt - now) / 1000)));
  const h: Record<string, string> = { 'ratelimit-limit': String(d.limit), 'ratelimit-remaining': String(d.remaining), 'ratelimit-reset': seconds };
  if (!d.allowed) h['retry-after'] = seconds;
  return h;
}

/** The longest window of any rule: a bucket whose window started longer ago than this has ended. */
const LONGEST_WINDOW_MS = Math.max(...Object.values(RATE_LIMITS).map((r) => r.windowMs));

/**
 * Deletes the login guards' rows that no longer decide anything (ADR 0015),
 * so `rate_limits` and `login_failures` do not grow with every client address
 * and every username ever tried. Run by the daily Cron Trigger.
 *
 * - `rate_limits`: a bucket whose window has ended behaves as no row (the next
 *   hit starts a window at 1), so it goes.
 * - `login_failures`: only rows with no failure counted and no lock in force —
 *   exactly the rows that behave as no row. A row still counting failures
 *   stays: `users.failed_attempts` does not decay with time either, and the
 *   "再错 N 次" answer for an unknown username must keep matching a real one's.
 */
export async function pruneLoginGuards(deps: { db: ControlDb; clock: Clock }): Promise<{ rateLimits: number; loginFailures: number }> {
  const now = deps.clock.now();
  const [limits, failures] = await deps.db.batch([
    deps.db.delete(rateLimits).where(lte(rateLimits.windowStart, now - LONGEST_WINDOW_MS)),
    deps.db.delete(loginFailures).where(and(eq(loginFailures.failedAttempts, 0), or(isNull(loginFailures.lockedUntil), lte(loginFailures.lockedUntil, now)))),
  ]);
  return { rateLimits: limits.meta.changes ?? 0, loginFailures: failures.meta.changes ?? 0 };
}
