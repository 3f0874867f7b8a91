import type { ResolvedSession } from './sessions.ts';

/**
 * How long a resolved session (its user and grants) is reused inside one
 * isolate without asking the control database again (ADR 0032). This is the
 * bound on how long a revocation made elsewhere (another isolate, another
 * location, a direct database change) can go unnoticed; revocations made
 * through this isolate's own identity functions take effect at once.
 */
export const SESSION_CACHE_TTL_MS = 5_000;
/** Entries kept per isolate; the oldest is dropped beyond it. */
const SESSION_CACHE_MAX = 2_000;

interface Entry {
  session: ResolvedSession;
  /** `last_seen_at` as the database returned it, for the idle rule. */
  lastSeenAt: number;
  cachedAt: number;
}

/**
 * Per-isolate cache of resolved sessions, keyed by the token's SHA-256 (the
 * token itself is never kept). Only valid sessions are cached: an unknown,
 * revoked or expired token asks the database every time. Time comes from the
 * caller's clock, so tests move it instead of waiting.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  /** Bumped by every `clear`: a lookup that started before a revocation must not store what it read. */
  #generation = 0;

  // Plain fields, not parameter properties: Node runs this file with type stripping (scripts/seed.ts), which refuses them.
  readonly ttlMs: number;
  readonly max: number;

  constructor(ttlMs = SESSION_CACHE_TTL_MS, max = SESSION_CACHE_MAX) {
    this.ttlMs = ttlMs;
    this.max = max;
  }

  get generation(): number {
    return this.#generation;
  }

  /** The cached session, or null when absent, older than the TTL, past its absolute expiry or idle too long. */
  get(tokenHash: string, now: number, idleMs: number): ResolvedSession | null {
    const e = this.#entries.get(tokenHash);
    if (!e) return null;
    // A clock behind the entry (another app in the isolate with a test clock) does not extend it either.
    if (now < e.cachedAt || now - e.cachedAt >= this.ttlMs || now >= e.session.expiresAt || now - e.lastSeenAt > idleMs) {
      this.#entries.delete(tokenHash);
      return null;
    }
    return e.session;
  }

  /** Stores what a lookup read, unless the cache was cleared since the lookup began (`generation`). */
  set(session: ResolvedSession, lastSeenAt: number, now: number, generation: number): void {
    if (generation !== this.#generation) return;
    this.#entries.delete(session.tokenHash);
    this.#entries.set(session.tokenHash, { session, lastSeenAt, cachedAt: now });
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Forgets every session: called after any change to sessions, accounts or grants made in this isolate. */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The isolate's cache, used by the session middleware and cleared by the identity functions that revoke. */
export const sessionCache = new SessionCache();
