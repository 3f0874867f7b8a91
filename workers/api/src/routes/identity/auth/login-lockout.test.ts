import { eq, inArray, and } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '@ronghe/core';
import { auditLog, loginFailures, users } from '@ronghe/schema';
import { bindings } from '../../../../../../test/support/worker.ts';
import { call, makeUser, PASSWORD } from '../../../../../../test/support/factories.ts';

// The lockout rule (packages/identity/src/sessions.ts, and the 423 text "连续 5 次输错密码"):
// the fifth wrong password in a row locks the account for 15 minutes.
const FAILURES_BEFORE_LOCK = 5;
const LOCKOUT_MS = 15 * 60 * 1000;
const WRONG = 'Wrong@pass1';

const control = () => openDb(bindings.DB_CONTROL!);

/** Fires `total` wrong-password logins for `username`, at most `inFlight` at a time; returns their statuses. */
async function burst(username: string, total: number, inFlight: number): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < total) {
      next++;
      const r = await call('POST', '/api/auth/login', { body: { username, password: WRONG } });
      await r.arrayBuffer();
      statuses.push(r.status);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return statuses;
}

const count = (xs: number[], v: number) => xs.filter((x) => x === v).length;

describe('login lockout under concurrency', () => {
  for (const inFlight of [4, 8]) {
    it(`16 wrong passwords with ${inFlight} in flight: exactly 5 counted, every other one 423`, async () => {
      const u = await makeUser([{ tenant: 'hongshan', role: 'member' }], { login: false });
      const before = Date.now();
      const statuses = await burst(u.username, 16, inFlight);
      // Four "再错 N 次" answers, the fifth locks (423), and the eleven after it find the lock (423).
      expect(count(statuses, 401)).toBe(FAILURES_BEFORE_LOCK - 1);
      expect(count(statuses, 423)).toBe(16 - (FAILURES_BEFORE_LOCK - 1));
      // What was stored: five counted failures in the audit (four failed, one locked), and the lock.
      const db = control();
      const audited = await db
        .select({ action: auditLog.action, after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, u.id), inArray(auditLog.action, ['auth.login_failed', 'auth.locked'])));
      expect(audited.map((a) => a.action).sort()).toEqual([
        'auth.locked',
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
      ]);
      expect(audited.map((a) => (a.after as { failedAttempts: number }).failedAttempts).sort()).toEqual([1, 2, 3, 4, 5]);
      const row = (await db.select().from(users).where(eq(users.id, u.id)))[0]!;
      expect(row.failedAttempts).toBe(0);
      expect(row.lockedUntil).toBeGreaterThanOrEqual(before + LOCKOUT_MS);
      expect(row.lockedUntil).toBeLessThanOrEqual(Date.now() + LOCKOUT_MS);
    });

    it(`an unknown username under the same burst (${inFlight} in flight) answers the same: 4 × 401, then 423`, async () => {
      const username = `ghost_${inFlight}_${Date.now()}`;
      const statuses = await burst(username, 16, inFlight);
      expect(count(statuses, 401)).toBe(FAILURES_BEFORE_LOCK - 1);
      expect(count(statuses, 423)).toBe(16 - (FAILURES_BEFORE_LOCK - 1));
      const row = (await control().select().from(loginFailures).where(eq(loginFailures.username, username)))[0]!;
      expect(row.failedAttempts).toBe(0);
      expect(row.lockedUntil).toBeGreaterThan(Date.now());
    });
  }
});

describe('the login answer does not reveal whether an account exists', () => {
  /** Status, headers and body as one string, with this response's request id replaced by a placeholder. */
  async function normalised(r: Response): Promise<{ text: string; lockedUntil?: number }> {
    const body = await r.text();
    const problem = JSON.parse(body) as { requestId: string; lockedUntil?: number };
    const headers = [...r.headers.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}: ${v}`);
    let text = [String(r.status), ...headers, '', body].join('\n').split(problem.requestId).join('<request-id>');
    // When the account is already locked the answer carries the lock's end, a moment in time that
    // differs by the milliseconds between the two sequences; it is checked on its own below.
    if (problem.lockedUntil !== undefined) text = text.split(String(problem.lockedUntil)).join('<locked-until>');
    return { text, lockedUntil: problem.lockedUntil };
  }

  it('an unknown username and a wrong password of a real unlocked account answer byte-identically, attempt by attempt', async () => {
    const real = await makeUser([{ tenant: 'hongshan', role: 'member' }], { login: false });
    const ghost = `nobody_${Date.now()}`;
    const before = Date.now();
    // Interleaved, so both sequences see the same clock; 5 failures lock, the 6th and 7th find the lock.
    for (let i = 1; i <= FAILURES_BEFORE_LOCK + 2; i++) {
      const a = await normalised(await call('POST', '/api/auth/login', { body: { username: real.username, password: WRONG } }));
      const b = await normalised(await call('POST', '/api/auth/login', { body: { username: ghost, password: WRONG } }));
      expect(b.text, `attempt ${i}`).toBe(a.text);
      if (i < FAILURES_BEFORE_LOCK) expect(a.text).toContain(`再错 ${FAILURES_BEFORE_LOCK - i} 次`);
      if (i >= FAILURES_BEFORE_LOCK) expect(a.text.split('\n')[0]).toBe('423');
      if (i > FAILURES_BEFORE_LOCK) {
        for (const t of [a.lockedUntil, b.lockedUntil]) {
          expect(t).toBeGreaterThanOrEqual(before + LOCKOUT_MS);
          expect(t).toBeLessThanOrEqual(Date.now() + LOCKOUT_MS);
        }
      }
    }
  });

  it('a disabled account answers like an unknown username, even with its right password', async () => {
    const u = await makeUser([{ tenant: 'hongshan', role: 'member' }], { login: false });
    await control().update(users).set({ status: 'disabled' }).where(eq(users.id, u.id));
    const ghost = `nobody_d_${Date.now()}`;
    const a = await normalised(await call('POST', '/api/auth/login', { body: { username: u.username, password: PASSWORD } }));
    const b = await normalised(await call('POST', '/api/auth/login', { body: { username: ghost, password: WRONG } }));
    expect(a.text).toBe(b.text);
    expect(a.text.split('\n')[0]).toBe('401');
  });
});

describe('login rate limits (ADR 0015)', () => {
  // 20 attempts per username and 60 per client address in a fixed one-minute window.
  const PER_USERNAME = 20;
  const PER_IP = 60;
  const WINDOW_MS = 60_000;
  async function startOfWindow(burstMs: number): Promise<void> {
    // Setup, not an assertion: start a burst early in a window, so it does not straddle two.
    const left = WINDOW_MS - (Date.now() % WINDOW_MS);
    if (left < burstMs) await new Promise((r) => setTimeout(r, left + 50));
  }
  async function expectRateLimited(r: Response, limit: number) {
    expect(r.status).toBe(429);
    expect(((await r.json()) as { code: string }).code).toBe('rate_limited');
    const retryAfter = Number(r.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(r.headers.get('ratelimit-limit')).toBe(String(limit));
    expect(r.headers.get('ratelimit-remaining')).toBe('0');
  }

  it(`per username: the ${PER_USERNAME + 1}st attempt in a minute is 429, known account or not`, async () => {
    const real = await makeUser([{ tenant: 'hongshan', role: 'member' }], { login: false });
    const ghost = `nobody_rl_${Date.now()}`;
    await startOfWindow(20_000);
    for (const username of [real.username, ghost]) {
      const statuses: number[] = [];
      for (let i = 1; i <= PER_USERNAME; i++) {
        const r = await call('POST', '/api/auth/login', { body: { username, password: WRONG } });
        await r.arrayBuffer();
        statuses.push(r.status);
      }
      // Four countdowns, the locking fifth, then the lock: the limit is not reached yet.
      expect(statuses.filter((s) => s === 429)).toEqual([]);
      await expectRateLimited(await call('POST', '/api/auth/login', { body: { username, password: WRONG } }), PER_USERNAME);
    }
  });

  it(`per client address: the ${PER_IP + 1}st attempt from one address in a minute is 429, another address is still answered`, async () => {
    const headers = { 'cf-connecting-ip': '203.0.113.7' };
    await startOfWindow(20_000);
    for (let i = 1; i <= PER_IP; i++) {
      const r = await call('POST', '/api/auth/login', { headers, body: { username: `ip_rl_${i}_${Date.now()}`, password: WRONG } });
      await r.arrayBuffer();
      expect(r.status, `attempt ${i}`).toBe(401);
    }
    await expectRateLimited(await call('POST', '/api/auth/login', { headers, body: { username: `ip_rl_x_${Date.now()}`, password: WRONG } }), PER_IP);
    const elsewhere = await call('POST', '/api/auth/login', {
      headers: { 'cf-connecting-ip': '198.51.100.9' },
      body: { username: `ip_rl_y_${Date.now()}`, password: WRONG },
    });
    expect(elsewhere.status).toBe(401);
  });
});
