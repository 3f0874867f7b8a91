import { newId } from '@ronghe/core';
import { consumeBatch, consumeDeadLetters, relayAll, relayOutbox, type Consumer, type OutboxSource, type RelayResult } from '@ronghe/events';
import type { AppEnv } from '@ronghe/http';
import { CONTROL, findTenant, forEachTenant, TENANTS, type TenantDef } from '@ronghe/tenancy';
import { filingsSignedConsumer, notificationsConsumer } from '@ronghe/workbench';
import { pointsConsumer } from '@ronghe/points';
import { weakFlagConsumer } from '@ronghe/honours';
import { cityFilingsConsumer } from '@ronghe/alliance';
import { rewardPostingConsumer } from '@ronghe/funds';
import { handleRecountMessage, isRecountMessage, rollupConsumer } from '@ronghe/rollup';
import { deliverDue, webhooksConsumer } from '@ronghe/webhooks';
import { handleReconcileFilingsMessage, isReconcileFilingsMessage } from './city-filings-reconcile.ts';
import type { MiddlewareHandler } from 'hono';

/** Queue names, as declared in wrangler.toml (`[[queues.producers]]`, `[[queues.consumers]]`). */
export const EVENTS_QUEUE = 'ronghe-events';
export const EVENTS_DLQ = 'ronghe-events-dlq';

type Env = Record<string, unknown>;

/**
 * The consumers the events queue dispatches to, one line each: a capability
 * that reacts to others' events is listed here, where the worker is composed
 * (packages/events depends on no capability).
 */
export const CONSUMERS: readonly Consumer[] = [
  // 工作台 消息: tells the people concerned (packages/workbench/src/recipients.ts).
  notificationsConsumer,
  // 工作台 消息: a filing signed clears its 新的备案待签收 once the alliance has none left (packages/workbench/src/filings-signed.ts).
  filingsSignedConsumer,
  // 积分: service confirmed, attendance, organizational life, 双报到 records, approved posts → ledger entries (packages/points/src/consumer).
  pointsConsumer,
  // 荣誉: a branch flagged 软弱涣散 loses its 最强党支部 and standardization (seed 004 四(四); packages/honours/src/strongest/weak-flag.ts).
  weakFlagConsumer,
  // 经费保障: a reward disbursement paid to an alliance is posted to its fund ledger as 上级拨, once (packages/funds/src/postings/reward-consumer.ts).
  rewardPostingConsumer,
  // 市委组织部备案收件箱: every county filing event refreshes the city's copy in the control database from the county's row (ADR 0024).
  cityFilingsConsumer,
  // 市级汇总: a county's change recomputes the figures it moves into the control database (packages/rollup/src/refresh.ts, ADR 0022).
  rollupConsumer,
  // 回调: an event of a public type becomes one pending delivery per subscribed endpoint; attempts follow (deliverWebhooks, ADR 0028).
  webhooksConsumer,
];

const queueOf = (env: Env) => env.EVENTS as Queue | undefined;

/**
 * The outbox of the control database (identity's changes: accounts, grants,
 * password changes) travels under this source name; it is not a tenant.
 */
export const CONTROL_SOURCE = 'control';

/** The database an event came from (and where its consumers' markers and dead letters go). */
const dbOf = (env: Env) => (source: string) => {
  if (source === CONTROL_SOURCE) return env[CONTROL.binding] as D1Database | undefined;
  const t = findTenant(source);
  return t ? (env[t.binding] as D1Database | undefined) : undefined;
};

/** Every database with an outbox: the control database first, then each tenant's (the city's and the counties'). */
export function outboxSources(env: Env): OutboxSource[] {
  const control = env[CONTROL.binding] as D1Database | undefined;
  return [
    ...(control ? [{ tenant: CONTROL_SOURCE, db: control }] : []),
    ...TENANTS.flatMap((t) => (env[t.binding] ? [{ tenant: t.slug, db: env[t.binding] as D1Database }] : [])),
  ];
}

/**
 * The Cron sweep: anything a request's relay left behind (a failed send, an
 * isolate that stopped) goes out now. Tenants are visited through
 * forEachTenant (at most D1's six connections at once); one failing database
 * is its own outcome.
 */
export async function sweepOutboxes(env: Env, opts: { now?: number } = {}): Promise<RelayResult[]> {
  const queue = queueOf(env);
  if (!queue) return [];
  const control = env[CONTROL.binding] as D1Database | undefined;
  const out = control ? await relayAll([{ tenant: CONTROL_SOURCE, db: control }], queue, opts) : [];
  const visits = await forEachTenant(env, (t, db) => relayOutbox({ tenant: t.slug, db }, queue, opts), {
    tenants: TENANTS.filter((t) => env[t.binding]),
  });
  for (const v of visits) out.push(v.ok ? v.value : { tenant: v.tenant.slug, sent: 0, failed: 0, error: String((v.error as Error)?.message ?? v.error) });
  for (const r of out.filter((o) => o.sent || o.failed || o.error)) {
    console.log(JSON.stringify({ level: r.error ? 'error' : 'info', msg: 'events.sweep', ...r }));
  }
  return out;
}

/**
 * After a write request, relay its database's events right away, without
 * delaying the response (`waitUntil`). The change is already committed with
 * its outbox row; if this relay fails, the sweep delivers the row later.
 */
export const relayAfterWrite: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return;
  const queue = queueOf(c.env);
  if (!queue) return;
  // Set only when the request went through a tenant route (TenantEnv); absent elsewhere.
  const slug = (c.var as { tenant?: { slug: string } }).tenant?.slug;
  // A city route that wrote into counties names them (issue 13: the city signs filings on the counties' records).
  const also = (c.var as { writtenTenants?: string[] }).writtenTenants ?? [];
  const sources = [...new Set([CONTROL_SOURCE, ...(slug ? [slug] : []), ...also])].flatMap((s) => {
    const db = dbOf(c.env)(s);
    return db ? [{ tenant: s, db }] : [];
  });
  let waitUntil: (p: Promise<unknown>) => void;
  try {
    const ctx = c.executionCtx;
    waitUntil = (p) => ctx.waitUntil(p);
  } catch {
    // Called without an execution context (a bare app.fetch): the sweep will deliver.
    return;
  }
  waitUntil(
    relayAll(sources, queue).then((out) => {
      for (const r of out.filter((o) => o.error)) console.error(JSON.stringify({ level: 'error', msg: 'events.relay', ...r }));
    }),
  );
};

/** The `queue` handler: the events queue goes to the consumers, the dead-letter queue into `dead_letters`. */
export async function handleQueue(
  batch: MessageBatch<unknown>,
  env: Env,
  // `counties`: the counties a reconciliation message may name (default: the registry's); tests name more than it holds.
  opts: { consumers?: readonly Consumer[]; now?: () => number; counties?: readonly TenantDef[] } = {},
): Promise<void> {
  const common = { dbOf: dbOf(env), env, now: opts.now, newId: () => newId('dlq') };
  if (batch.queue === EVENTS_DLQ) return consumeDeadLetters(batch, common);
  // Scheduled jobs travel on the same queue: the rollup's recount, one message per batch of counties (ADR 0022),
  // and the filings inbox's reconciliation, one message per page of one county (ADR 0024).
  const jobs = batch.messages.filter((m) => isRecountMessage(m.body) || isReconcileFilingsMessage(m.body));
  for (const m of jobs) {
    const recount = isRecountMessage(m.body);
    try {
      if (isRecountMessage(m.body)) await handleRecountMessage(m.body, env);
      else if (isReconcileFilingsMessage(m.body)) await handleReconcileFilingsMessage(m.body, env, { tenants: opts.counties });
      m.ack();
    } catch (err) {
      const tenant = recount ? undefined : (m.body as { tenant: string }).tenant;
      console.error(JSON.stringify({ level: 'error', msg: recount ? 'rollup.recount_failed' : 'city_filings.reconcile_failed', id: m.id, tenant, error: String((err as Error)?.message ?? err) }));
      m.retry({ delaySeconds: 60 });
    }
  }
  // The events go on as a batch of their own (consumeBatch reads the queue name and the messages).
  const events = jobs.length
    ? ({ queue: batch.queue, messages: batch.messages.filter((m) => !jobs.includes(m)), ackAll: () => batch.ackAll(), retryAll: (o?: QueueRetryOptions) => batch.retryAll(o) } as unknown as MessageBatch<unknown>)
    : batch;
  await consumeBatch(events, { ...common, consumers: opts.consumers ?? CONSUMERS });
  // Webhook deliveries the batch recorded are attempted right away, per tenant the batch touched (ADR 0028).
  // Not under the workerd test pool, which runs this queue for real: tests attempt deliveries themselves
  // with an injected receiver, and must not reach the network nor race them.
  if (env.APP_ENV === 'test') return;
  const touched = new Set(events.messages.flatMap((m) => (typeof (m.body as { tenant?: unknown } | null)?.tenant === 'string' ? [(m.body as { tenant: string }).tenant] : [])));
  if (touched.size) await deliverWebhooks(env, { tenants: TENANTS.filter((t) => touched.has(t.slug)), now: opts.now });
}

/**
 * Attempts the due webhook deliveries of the given tenants (default: every
 * tenant): after each queue batch and from the five-minute Cron sweep, which
 * is what retries a failed delivery once its backoff has passed (ADR 0028).
 * A failing database is logged; the next run tries again.
 */
export async function deliverWebhooks(env: Env, opts: { tenants?: readonly (typeof TENANTS)[number][]; now?: () => number; fetch?: typeof fetch } = {}): Promise<number> {
  let attempted = 0;
  const visits = await forEachTenant(
    env,
    async (t, db) => (await deliverDue({ d1: db, tenant: { slug: t.slug, code: t.code, name: t.name, kind: t.kind }, env: env as { APP_ENV?: string; WEBHOOK_SECRET_KEY?: string }, now: opts.now, fetch: opts.fetch })).length,
    { tenants: (opts.tenants ?? TENANTS).filter((t) => env[t.binding]) },
  );
  for (const v of visits) {
    if (v.ok) attempted += v.value;
    else console.error(JSON.stringify({ level: 'error', msg: 'webhooks.deliver', tenant: v.tenant.slug, error: String((v.error as Error)?.message ?? v.error) }));
  }
  return attempted;
}
