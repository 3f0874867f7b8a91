import { openDb, type Clock } from '@ronghe/core';
import { hitRateLimits, RATE_LIMITS } from '@ronghe/identity';
import { loginFailures, rateLimits } from '@ronghe/schema';
import { inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bindings } from '../../../test/support/worker.ts';
import { COUNTIES } from '@ronghe/tenancy';
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { EVENTS_QUEUE, handleQueue } from './events.ts';
import { pruneControl, pruneUsage, pruneWebhookLog, recountRollup, runScheduled, SWEEP_CRON } from './scheduled.ts';
import { findTenant } from '@ronghe/tenancy';

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

// Retention (review of issue 14): api_key_usage keeps 400 days (each key's newest day kept for its last use);
// the webhook delivery log keeps finished deliveries 90 days after their last activity, never a pending one.
describe('daily pruning of api_key_usage and of the webhook delivery log', () => {
  const DAY = 86_400_000;
  const NOW = Date.UTC(2026, 11, 5, 4); // 2026-12-05 12:00 Asia/Shanghai; 400 days before is 2025-10-31

  it('api_key_usage: days before 2025-10-31 go, the boundary day and each key\'s newest day stay, in chunks of one row', async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const db = bindings.DB_CONTROL!;
    const rows: Array<[string, string]> = [
      [`a-${tag}`, '2025-10-30'], // 401 days: goes
      [`a-${tag}`, '2025-10-31'], // 400 days: stays
      [`a-${tag}`, '2026-12-04'],
      [`b-${tag}`, '2024-01-01'], // goes
      [`b-${tag}`, '2024-03-01'], // goes
      [`b-${tag}`, '2024-06-30'], // old, but the key's last use: stays
      [`c-${tag}`, '2025-01-01'], // the key's only day: stays
    ];
    for (const [key, day] of rows) {
      await db.prepare('INSERT INTO api_key_usage (key_id, day, tenant, calls, last_used_at) VALUES (?, ?, ?, 3, ?)').bind(key, day, 'hongshan', Date.parse(`${day}T10:00:00+08:00`)).run();
    }
    const pruned = await pruneUsage(bindings as unknown as Record<string, unknown>, { clock: at(NOW), chunk: 1 });
    expect(pruned).toBeGreaterThanOrEqual(3);
    const left = await db.prepare("SELECT key_id || ' ' || day AS r FROM api_key_usage WHERE key_id LIKE ? ORDER BY key_id, day").bind(`%-${tag}`).all<{ r: string }>();
    expect(left.results.map((x) => x.r)).toEqual([`a-${tag} 2025-10-31`, `a-${tag} 2026-12-04`, `b-${tag} 2024-06-30`, `c-${tag} 2025-01-01`]);
  });

  it('webhook log: finished deliveries idle 90 days go with their attempts; pending, replayed, recently attempted and young ones stay', async () => {
    const T = findTenant('ningcheng')!;
    const d1 = bindings[T.binding]!;
    const tag = crypto.randomUUID().slice(0, 8);
    const ep = `whe_prune_${tag}`;
    await d1
      .prepare("INSERT INTO webhook_endpoints (id, url, description, event_types, secret_enc, secret_prefix, status, created_by, created_at, updated_at) VALUES (?, 'https://example.org/hook', '清理测试', '[\"need.created\"]', 'v1.x.y', 'whsec_abcd', 'enabled', 'usr_test', ?, ?)")
      .bind(ep, NOW - 300 * DAY, NOW - 300 * DAY)
      .run();
    // [name, status, created days ago, delivered days ago, attempts days ago]
    const cases: Array<[string, string, number, number | null, number[]]> = [
      ['old-delivered', 'delivered', 100, 100, [100]], // goes
      ['old-failed', 'failed', 120, null, [120, 119]], // goes, with both attempts
      ['old-pending', 'pending', 200, null, [200]], // a retry still due: stays
      ['old-replayed', 'delivered', 100, 1, [100, 1]], // replayed yesterday: stays
      ['old-tried-lately', 'failed', 95, null, [95, 80]], // last attempt 80 days ago: stays
      ['young', 'delivered', 10, 10, [10]],
    ];
    for (const [name, status, created, delivered, attempts] of cases) {
      const id = `whd_${name}_${tag}`;
      await d1
        .prepare('INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, body, status, attempts, created_at, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .bind(id, ep, `evt_${name}_${tag}`, 'need.created', '{}', status, attempts.length, NOW - created * DAY, delivered === null ? null : NOW - delivered * DAY)
        .run();
      for (const [i, ago] of attempts.entries()) {
        await d1
          .prepare('INSERT INTO webhook_attempts (id, delivery_id, attempt, at, status_code, latency_ms, error) VALUES (?, ?, ?, ?, 200, 5, NULL)')
          .bind(`wha_${name}_${i}_${tag}`, id, i + 1, NOW - ago * DAY)
          .run();
      }
    }

    const pruned = await pruneWebhookLog(bindings as unknown as Record<string, unknown>, { clock: at(NOW), tenants: [T], chunk: 1 });
    expect(pruned.ningcheng!.deliveries).toBeGreaterThanOrEqual(2);
    expect(pruned.ningcheng!.attempts).toBeGreaterThanOrEqual(3);

    const deliveries = await d1.prepare('SELECT id FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id').bind(ep).all<{ id: string }>();
    expect(deliveries.results.map((r) => r.id.replace(`_${tag}`, ''))).toEqual(['whd_old-pending', 'whd_old-replayed', 'whd_old-tried-lately', 'whd_young']);
    const attempts = await d1.prepare('SELECT id FROM webhook_attempts WHERE id LIKE ? ORDER BY id').bind(`%_${tag}`).all<{ id: string }>();
    expect(attempts.results.map((r) => r.id.replace(`_${tag}`, ''))).toEqual(
      ['wha_old-pending_0', 'wha_old-replayed_0', 'wha_old-replayed_1', 'wha_old-tried-lately_0', 'wha_old-tried-lately_1', 'wha_young_0'],
    );
  });
});
