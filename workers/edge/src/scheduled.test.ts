import { openDb, type Clock } from '@ronghe/core';
import { hitRateLimits, RATE_LIMITS } from '@ronghe/identity';
import { loginFailures, rateLimits } from '@ronghe/schema';
import { inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bindings } from '../../../test/support/worker.ts';
import { COUNTIES } from '@ronghe/tenancy';
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { EVENTS_QUEUE, handleQueue } from './events.ts';
import { pruneControl, recountRollup, runScheduled, SWEEP_CRON } from './scheduled.ts';

// The daily Cron clean-up of the login guards' tables (ADR 0015): rows that no longer decide anything go,
// rows that still count stay.
const control = () => openDb(bindings.DB_CONTROL!);
const at = (ms: number): Clock => ({ now: () => ms });
const MINUTE = 60_000;

describe('daily clean-up of rate_limits and login_failures', () => {
  it('deletes ended rate-limit windows and spent login-failure rows, keeps the current window and counting or locked rows', async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const now = Date.UTC(2026, 11, 4, 17, 5) + 30_000; // 01:05:30 Asia/Shanghai, half a window in
    const db = control();
    // A bucket hit an hour ago (its window has ended) and one hit in the current window.
    await hitRateLimits({ db, clock: at(now - 60 * MINUTE) }, [{ rule: RATE_LIMITS.loginPerIp, key: `old-${tag}` }]);
    await hitRateLimits({ db, clock: at(now - 1_000) }, [{ rule: RATE_LIMITS.loginPerIp, key: `now-${tag}` }]);
    await db.insert(loginFailures).values([
      { username: `spent-${tag}`, failedAttempts: 0, lockedUntil: now - MINUTE, updatedAt: now - 20 * MINUTE }, // lock over
      { username: `never-${tag}`, failedAttempts: 0, lockedUntil: null, updatedAt: now - 2 * MINUTE }, // nothing counted
      { username: `counting-${tag}`, failedAttempts: 3, lockedUntil: null, updatedAt: now - 3 * 24 * 60 * MINUTE }, // old, but still 2 tries from a lock
      { username: `locked-${tag}`, failedAttempts: 0, lockedUntil: now + 10 * MINUTE, updatedAt: now - 5 * MINUTE }, // lock in force
    ]);

    const pruned = await pruneControl(bindings as unknown as Record<string, unknown>, { clock: at(now) });
    expect(pruned!.rateLimits).toBeGreaterThanOrEqual(1);
    expect(pruned!.loginFailures).toBeGreaterThanOrEqual(2);

    const buckets = await db.select({ bucket: rateLimits.bucket }).from(rateLimits).where(like(rateLimits.bucket, `%-${tag}`));
    expect(buckets.map((b) => b.bucket)).toEqual([`login-ip:now-${tag}`]);
    const names = [`spent-${tag}`, `never-${tag}`, `counting-${tag}`, `locked-${tag}`];
    const left = await db.select({ username: loginFailures.username }).from(loginFailures).where(inArray(loginFailures.username, names));
    expect(left.map((r) => r.username).sort()).toEqual([`counting-${tag}`, `locked-${tag}`].sort());
  });

  it('the current window keeps counting after the clean-up: the next hit is the second, not the first', async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const now = Date.UTC(2026, 11, 4, 17, 5) + 30_000;
    const db = control();
    await hitRateLimits({ db, clock: at(now - 1_000) }, [{ rule: RATE_LIMITS.loginPerUsername, key: tag }]);
    await pruneControl(bindings as unknown as Record<string, unknown>, { clock: at(now) });
    const d = await hitRateLimits({ db, clock: at(now) }, [{ rule: RATE_LIMITS.loginPerUsername, key: tag }]);
    expect(d.remaining).toBe(RATE_LIMITS.loginPerUsername.limit - 2);
  });

  it('runs with the daily Cron Trigger, not with the five-minute outbox sweep', async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const db = control();
    await db.insert(loginFailures).values({ username: `cron-${tag}`, failedAttempts: 0, lockedUntil: null, updatedAt: 0 });
    await runScheduled(SWEEP_CRON, bindings as unknown as Record<string, unknown>);
    expect(await db.select().from(loginFailures).where(inArray(loginFailures.username, [`cron-${tag}`]))).toHaveLength(1);
    // The daily trigger (wrangler.toml "5 17 * * *") supervises every county, sweeps the outboxes and cleans up.
    await runScheduled('5 17 * * *', bindings as unknown as Record<string, unknown>);
    expect(await db.select().from(loginFailures).where(inArray(loginFailures.username, [`cron-${tag}`]))).toHaveLength(0);
  });
});

describe("the rollup's daily recount (ADR 0022)", () => {
  it('goes onto the queue as messages of at most 15 counties, and the queue handler recounts them', async () => {
    const sent: unknown[] = [];
    const queue = { sendBatch: async (msgs: Array<{ body: unknown }>) => void sent.push(...msgs.map((m) => m.body)), send: async (b: unknown) => void sent.push(b) };
    const env = { ...(bindings as unknown as Record<string, unknown>), EVENTS: queue };
    expect(await recountRollup(env)).toBe(1);
    expect(sent).toEqual([{ kind: 'rollup.recount', tenants: COUNTIES.map((c) => c.slug), at: expect.any(Number) }]);

    const batch = createMessageBatch(EVENTS_QUEUE, sent.map((body, i) => ({ id: `rc-${i}`, timestamp: new Date(), attempts: 1, body })));
    await handleQueue(batch, env, { consumers: [] });
    const result = await getQueueResult(batch, createExecutionContext());
    expect(result.explicitAcks).toEqual(['rc-0']);
    const rows = await bindings.DB_CONTROL!.prepare('SELECT slug, stale FROM rollup_counties ORDER BY slug').all<{ slug: string; stale: number }>();
    expect(rows.results).toEqual(COUNTIES.map((c) => ({ slug: c.slug, stale: 0 })).sort((a, b) => a.slug.localeCompare(b.slug)));
  });
});
