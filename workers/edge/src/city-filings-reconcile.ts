import { refreshCityFilingsPage } from '@ronghe/alliance';
import { openDb } from '@ronghe/core';
import { CONTROL, COUNTIES, type TenantDef } from '@ronghe/tenancy';

// The daily reconciliation of the city's filings inbox (ADR 0024), one county
// per queue message: visiting every county in the Cron's own invocation would
// pass D1's 1,000 queries per invocation somewhere around 200 counties.

type Env = Record<string, unknown>;

/** Reconcile one county's filings, from the first (`after` null) or from the one after `after`. */
export interface ReconcileFilingsMessage {
  kind: 'city_filings.reconcile';
  tenant: string;
  after: string | null;
}

export const isReconcileFilingsMessage = (body: unknown): body is ReconcileFilingsMessage =>
  typeof body === 'object' && body !== null && (body as ReconcileFilingsMessage).kind === 'city_filings.reconcile' && typeof (body as ReconcileFilingsMessage).tenant === 'string';

/**
 * What one message may do: read 1,200 filings and write them in at most 3
 * upserts (400 rows or about 1 MB each), so 4 D1 queries on 2 connections.
 * A queue invocation carries at most 50 messages (wrangler.toml
 * max_batch_size): 200 queries if all are reconciliations, and 680 + 49 × 4 =
 * 876 beside the rollup's recount message, the other scheduled job on this
 * queue. A bigger county, or one with long texts, takes more messages, not more
 * queries per message.
 */
export const RECONCILE_PAGE = { rows: 1_200, upserts: 3 } as const;

/** Messages per `sendBatch`: Cloudflare Queues takes at most 100 in one call. */
const SEND_BATCH = 100;

/**
 * The Cron's part (runScheduled): one message per county, no D1 query of its
 * own. Without a queue (local tools), the counties are reconciled here one
 * after the other, a failing county logged and the others copied. A failure to
 * enqueue is logged; the next day's run copies everything again.
 */
export async function reconcileCityFilings(env: Env, opts: { tenants?: readonly TenantDef[]; now?: number } = {}): Promise<ReconcileFilingsMessage[]> {
  const counties = opts.tenants ?? COUNTIES;
  const messages = counties.map((t): ReconcileFilingsMessage => ({ kind: 'city_filings.reconcile', tenant: t.slug, after: null }));
  const queue = env.EVENTS as Queue | undefined;
  if (queue) {
    // What went out before a failed call is enqueued and will run: say so, and name the counties left for tomorrow.
    let sent = 0;
    try {
      for (; sent < messages.length; sent += SEND_BATCH) await queue.sendBatch(messages.slice(sent, sent + SEND_BATCH).map((body) => ({ body })));
    } catch (err) {
      const left = messages.slice(sent).map((m) => m.tenant);
      console.log(JSON.stringify({ level: 'error', msg: 'city_filings.reconcile_schedule_failed', enqueued: sent, notEnqueued: left, error: String((err as Error)?.message ?? err) }));
    }
    return messages.slice(0, sent);
  }
  for (const m of messages) {
    try {
      let step: ReconcileFilingsMessage | null = m;
      while (step) step = (await reconcileFilingsStep(step, env, { tenants: counties, now: opts.now })).continueWith;
    } catch (err) {
      console.log(JSON.stringify({ level: 'error', msg: 'city_filings.reconcile_failed', tenant: m.tenant, error: String((err as Error)?.message ?? err) }));
    }
  }
  return messages;
}

/**
 * One message's work (the queue handler routes it here): one page of one
 * county, and the message for the next page on the queue when the county has
 * more. The continuation is sent before the message is acknowledged, so a
 * failure anywhere retries this page (the same writes again) and loses none.
 */
export async function handleReconcileFilingsMessage(m: ReconcileFilingsMessage, env: Env, opts: { tenants?: readonly TenantDef[]; now?: number } = {}): Promise<{ copied: number; next: string | null }> {
  const { copied, next, continueWith } = await reconcileFilingsStep(m, env, opts);
  const queue = env.EVENTS as Queue | undefined;
  if (continueWith && queue) await queue.send(continueWith);
  return { copied, next };
}

async function reconcileFilingsStep(
  m: ReconcileFilingsMessage,
  env: Env,
  opts: { tenants?: readonly TenantDef[]; now?: number },
): Promise<{ copied: number; next: string | null; continueWith: ReconcileFilingsMessage | null }> {
  const t = (opts.tenants ?? COUNTIES).find((x) => x.slug === m.tenant);
  const control = env[CONTROL.binding] as D1Database | undefined;
  const county = t ? (env[t.binding] as D1Database | undefined) : undefined;
  if (!t || !control || !county) {
    // Not a county of this deployment (or a database not bound here): nothing to copy, and retrying would not change that.
    console.log(JSON.stringify({ level: 'warn', msg: 'city_filings.reconcile_skipped', tenant: m.tenant }));
    return { copied: 0, next: null, continueWith: null };
  }
  const { copied, next } = await refreshCityFilingsPage({ control: openDb(control), county: openDb(county), tenant: t.slug, now: opts.now ?? Date.now(), after: m.after, ...RECONCILE_PAGE });
  return { copied, next, continueWith: next === null ? null : { ...m, after: next } };
}
