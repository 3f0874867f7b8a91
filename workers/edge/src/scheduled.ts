import { backfillSortKeys, newId, openDb, sweepIdempotencyRecords, systemClock, type Clock, type Ctx } from '@ronghe/core';
import { pruneApiKeyUsage, pruneLoginGuards } from '@ronghe/identity';
import { pruneDeliveries } from '@ronghe/webhooks';
import { remindQuotas, type QuotaReminderResult } from '@ronghe/activities';
import { runSupervision, type SupervisionResult } from '@ronghe/lists';
import { CONTROL_SORT_KEYS, TENANT_SORT_KEYS } from '@ronghe/schema';
import { COUNTIES, CONTROL, forEachTenant, TENANTS, type TenantDef } from '@ronghe/tenancy';
import { scheduleRecount } from '@ronghe/rollup';
import { deliverWebhooks, sweepOutboxes } from './events.ts';
import { reconcileCityFilings } from './city-filings-reconcile.ts';

export { reconcileCityFilings };

/** The outbox sweep's schedule (wrangler.toml [triggers]); every other cron is the daily supervision job. */
export const SWEEP_CRON = '*/5 * * * *';

/** Which job a Cron Trigger runs. The supervision job's own events go out with the next sweep. */
export async function runScheduled(cron: string, env: Record<string, unknown>): Promise<unknown> {
  if (cron === SWEEP_CRON) {
    const swept = await sweepOutboxes(env);
    // Webhook retries whose backoff has passed (ADR 0028).
    await deliverWebhooks(env);
    await fillSortKeys(env);
    return swept;
  }
  const out = await superviseCounties(env);
  await remindCounties(env);
  await sweepOutboxes(env);
  await pruneControl(env);
  await sweepIdempotency(env);
  await pruneUsage(env);
  await pruneWebhookLog(env);
  await fillSortKeys(env);
  await recountRollup(env);
  await reconcileCityFilings(env);
  return out;
}

/**
 * The daily removal of /v1 idempotency records past their 24 hours (ADR 0027),
 * in every tenant through forEachTenant. A read already ignores and deletes an
 * expired record it meets; this keeps the ones nobody asks for again from
 * piling up. A failing tenant is logged; the next day's run takes its rows.
 */
export async function sweepIdempotency(env: Record<string, unknown>, opts: { clock?: Clock; tenants?: readonly TenantDef[] } = {}): Promise<Record<string, number>> {
  const now = (opts.clock ?? systemClock).now();
  const swept: Record<string, number> = {};
  const visits = await forEachTenant(env, async (t, d1) => (swept[t.slug] = await sweepIdempotencyRecords(openDb(d1), now)), { tenants: opts.tenants ?? TENANTS });
  const errors = visits.filter((v) => !v.ok).map((v) => ({ tenant: v.tenant.slug, error: String(v.error) }));
  const total = Object.values(swept).reduce((a, n) => a + n, 0);
  if (total || errors.length) console.log(JSON.stringify({ level: errors.length ? 'error' : 'info', msg: 'idempotency.swept', total, errors }));
  return swept;
}

/**
 * The daily pruning of public-API usage days past 400 (control database; ADR
 * 0026), each key's newest day kept. A failure is logged; the next day's run
 * takes the rows.
 */
export async function pruneUsage(env: Record<string, unknown>, opts: { clock?: Clock; chunk?: number } = {}): Promise<number | null> {
  const d1 = env[CONTROL.binding] as D1Database | undefined;
  if (!d1) return null;
  try {
    const pruned = await pruneApiKeyUsage({ db: openDb(d1), clock: opts.clock ?? systemClock }, { chunk: opts.chunk });
    if (pruned) console.log(JSON.stringify({ level: 'info', msg: 'api_key_usage.pruned', pruned }));
    return pruned;
  } catch (err) {
    console.log(JSON.stringify({ level: 'error', msg: 'api_key_usage.prune_failed', error: String(err) }));
    return null;
  }
}

/**
 * The daily pruning of every tenant's webhook delivery log (ADR 0028):
 * finished deliveries idle for 90 days go with their attempts; pending ones
 * stay whatever their age. Through forEachTenant; a failing tenant is logged.
 */
export async function pruneWebhookLog(
  env: Record<string, unknown>,
  opts: { clock?: Clock; tenants?: readonly TenantDef[]; chunk?: number } = {},
): Promise<Record<string, { deliveries: number; attempts: number }>> {
  const now = (opts.clock ?? systemClock).now();
  const pruned: Record<string, { deliveries: number; attempts: number }> = {};
  const visits = await forEachTenant(env, async (t, d1) => (pruned[t.slug] = await pruneDeliveries(openDb(d1), now, { chunk: opts.chunk })), { tenants: opts.tenants ?? TENANTS });
  const errors = visits.filter((v) => !v.ok).map((v) => ({ tenant: v.tenant.slug, error: String(v.error) }));
  const total = Object.values(pruned).reduce((a, n) => a + n.deliveries, 0);
  if (total || errors.length) console.log(JSON.stringify({ level: errors.length ? 'error' : 'info', msg: 'webhook_log.pruned', total, errors }));
  return pruned;
}

/**
 * Pinyin sort keys for rows that lack one (ADR 0018): those stored before the
 * column existed, or written by an older server during a deployment. Every
 * five minutes, so lists are in order within minutes of a deployment; when
 * nothing is missing it costs one indexed SELECT per table. A failing database
 * is logged and retried by the next run.
 */
export async function fillSortKeys(env: Record<string, unknown>, opts: { tenants?: readonly TenantDef[] } = {}): Promise<Record<string, number>> {
  const filled: Record<string, number> = {};
  const visits = await forEachTenant(
    env,
    async (t, d1) => {
      const db = openDb(d1);
      for (const src of TENANT_SORT_KEYS) filled[`${t.slug}.${src.table}`] = await backfillSortKeys(db, src);
    },
    { tenants: opts.tenants ?? TENANTS },
  );
  const control = env[CONTROL.binding] as D1Database | undefined;
  const errors = visits.filter((v) => !v.ok).map((v) => ({ tenant: v.tenant.slug, error: String(v.error) }));
  if (control) {
    try {
      for (const src of CONTROL_SORT_KEYS) filled[`control.${src.table}`] = await backfillSortKeys(openDb(control), src);
    } catch (err) {
      errors.push({ tenant: 'control', error: String(err) });
    }
  }
  const total = Object.values(filled).reduce((a, n) => a + n, 0);
  if (total || errors.length) console.log(JSON.stringify({ level: errors.length ? 'error' : 'info', msg: 'sort_keys.filled', total, errors }));
  return filled;
}

/**
 * The daily clean-up of the control database: login guards' rows that no
 * longer decide anything (ADR 0015, `pruneLoginGuards`). A failure is logged;
 * the rows are only clutter and the next day's run takes them.
 */
export async function pruneControl(env: Record<string, unknown>, opts: { clock?: Clock } = {}): Promise<{ rateLimits: number; loginFailures: number } | null> {
  const d1 = env[CONTROL.binding] as D1Database | undefined;
  if (!d1) return null;
  try {
    const pruned = await pruneLoginGuards({ db: openDb(d1), clock: opts.clock ?? systemClock });
    console.log(JSON.stringify({ level: 'info', msg: 'login_guards.pruned', ...pruned }));
    return pruned;
  } catch (err) {
    console.log(JSON.stringify({ level: 'error', msg: 'login_guards.prune_failed', error: String(err) }));
    return null;
  }
}

/** Who the daily job acts as: no grants, recorded as `system` in the audit log. */
const SYSTEM_ACTOR = { userId: 'system', displayName: '督办定时任务', grants: [] } as const;

/** The daily job's context in one county. */
function systemCtx(t: TenantDef, d1: D1Database, clock: Clock): Ctx {
  return {
    db: openDb(d1),
    tenant: { slug: t.slug, code: t.code, name: t.name, kind: t.kind },
    actor: { ...SYSTEM_ACTOR, grants: [] },
    clock,
    requestId: newId('req', clock.now()),
  };
}

/**
 * The Cron Trigger's work (wrangler.toml `[triggers]`): the supervision job
 * (督办) for every county tenant, each against its own database, visited
 * through forEachTenant. A failing county is logged and does not stop the others.
 */
export async function superviseCounties(
  env: Record<string, unknown>,
  opts: { clock?: Clock; counties?: readonly TenantDef[] } = {},
): Promise<Array<{ tenant: string; result?: SupervisionResult; error?: string }>> {
  const clock = opts.clock ?? systemClock;
  const counties = opts.counties ?? COUNTIES;
  // forEachTenant: at most D1's six connections at once, and one county's failure is its own outcome.
  const visits = await forEachTenant(env, (t, d1) => runSupervision(systemCtx(t, d1, clock)), { tenants: counties });
  const out = visits.map((v) => (v.ok ? { tenant: v.tenant.slug, result: v.value } : { tenant: v.tenant.slug, error: String(v.error) }));
  for (const o of out) {
    console.log(JSON.stringify({ level: o.error ? 'error' : 'info', msg: 'supervision.run', tenant: o.tenant, ...(o.result ?? {}), error: o.error }));
  }
  return out;
}

/**
 * The daily reminders of activity quotas at risk or behind (issue 11 §
 * Activities), county by county through forEachTenant; the messages follow
 * from their events with the sweep that runs after. A failing county is
 * logged and does not stop the others.
 */
export async function remindCounties(
  env: Record<string, unknown>,
  opts: { clock?: Clock; counties?: readonly TenantDef[] } = {},
): Promise<Array<{ tenant: string; result?: QuotaReminderResult; error?: string }>> {
  const clock = opts.clock ?? systemClock;
  const visits = await forEachTenant(env, (t, d1) => remindQuotas(systemCtx(t, d1, clock)), { tenants: opts.counties ?? COUNTIES });
  const out = visits.map((v) => (v.ok ? { tenant: v.tenant.slug, result: v.value } : { tenant: v.tenant.slug, error: String(v.error) }));
  for (const o of out) console.log(JSON.stringify({ level: o.error ? 'error' : 'info', msg: 'quota_reminders.run', tenant: o.tenant, ...(o.result ?? {}), error: o.error }));
  return out;
}

/**
 * The daily full recount of the city's rollup (ADR 0022): one queue message
 * per batch of counties, each recounted by its own invocation, which compares
 * the incremental figures with the recount (the reconciliation) and logs any
 * difference. A failure to enqueue is logged; the next day's run recounts.
 */
export async function recountRollup(env: Record<string, unknown>): Promise<number> {
  try {
    return (await scheduleRecount(env)).length;
  } catch (err) {
    console.log(JSON.stringify({ level: 'error', msg: 'rollup.recount_schedule_failed', error: String(err) }));
    return 0;
  }
}
