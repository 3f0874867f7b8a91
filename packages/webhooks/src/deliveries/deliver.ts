import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { auditInsert, newId, openDb, writeBatch, type Ctx, type TenantRef } from '@ronghe/core';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from '@ronghe/schema';
import { decryptSecret, type SecretEnv } from '../secret.ts';
import { signatureHeader, SIGNATURE_HEADER } from '../sign.ts';

/**
 * Delivery attempts (ADR 0028). The consumer only records a pending delivery;
 * attempts are made here, by the queue handler right after it consumed a
 * batch and by the five-minute Cron sweep, for the deliveries that are due.
 */

/** Attempts of one delivery before it is given up (status `failed`). */
export const MAX_ATTEMPTS = 8;
/** Consecutive failed attempts of an endpoint, over all its deliveries, that disable it. */
export const DISABLE_AFTER_FAILURES = 10;
/** How long a receiver has to answer. */
export const TIMEOUT_MS = 10_000;

/** Wait after the n-th failed attempt: 1 min, 2, 4 … at most 6 h. */
export function backoffMs(attempt: number): number {
  return Math.min(6 * 3_600_000, 60_000 * 2 ** Math.max(0, attempt - 1));
}

export interface DeliverDeps {
  d1: D1Database;
  tenant: TenantRef;
  env: SecretEnv;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface AttemptOutcome {
  deliveryId: string;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

const SYSTEM = { userId: 'system', displayName: '回调投递', grants: [] } as const;

/** Sends one delivery once and records the attempt; disables its endpoint after too many consecutive failures. */
export async function attemptDelivery(deps: DeliverDeps, delivery: WebhookDelivery, endpoint: WebhookEndpoint): Promise<AttemptOutcome> {
  const now = deps.now ?? Date.now;
  const doFetch = deps.fetch ?? fetch;
  const db = openDb(deps.d1);
  const started = now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const secret = await decryptSecret(deps.env, endpoint.secretEnc);
    const t = Math.floor(started / 1000);
    const res = await doFetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'ronghe-webhooks/1',
        [SIGNATURE_HEADER]: await signatureHeader(secret, delivery.body, t),
        'Ronghe-Event-Id': delivery.eventId,
        'Ronghe-Event-Type': delivery.eventType,
        'Ronghe-Delivery-Id': delivery.id,
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    statusCode = res.status;
    await res.body?.cancel();
    // Read by county staff on the 回调 page: Chinese, the status code as a number.
    if (res.status < 200 || res.status >= 300) error = `对方返回状态码 ${res.status}`;
  } catch (err) {
    const e = err as Error;
    error = e?.name === 'TimeoutError' ? `超时（${TIMEOUT_MS / 1000} 秒未响应）` : '无法连接回调地址（地址不可达或连接被拒绝）';
  }
  const at = now();
  const latencyMs = Math.max(0, at - started);
  const ok = error === null;
  const attempt = delivery.attempts + 1;
  const failures = ok ? 0 : endpoint.consecutiveFailures + 1;
  const disable = !ok && endpoint.status === 'enabled' && failures >= DISABLE_AFTER_FAILURES;
  const status = ok ? 'delivered' : attempt >= MAX_ATTEMPTS ? 'failed' : 'pending';
  const ctx: Ctx = { db, tenant: deps.tenant, actor: SYSTEM, clock: { now: () => at }, requestId: `wh_${delivery.id}` };
  await writeBatch(db, [
    db.insert(webhookAttempts).values({ id: newId('wha', at), deliveryId: delivery.id, attempt, at, statusCode, latencyMs, error }),
    db
      .update(webhookDeliveries)
      .set({
        status,
        attempts: attempt,
        nextAttemptAt: status === 'pending' ? at + backoffMs(attempt) : null,
        lastStatusCode: statusCode,
        lastLatencyMs: latencyMs,
        lastError: error,
        deliveredAt: ok ? at : null,
        version: sql`${webhookDeliveries.version} + 1`,
      })
      .where(eq(webhookDeliveries.id, delivery.id)),
    db
      .update(webhookEndpoints)
      .set(disable ? { consecutiveFailures: failures, status: 'disabled', disabledReason: 'failures', updatedAt: at, version: sql`${webhookEndpoints.version} + 1` } : { consecutiveFailures: ok ? 0 : sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, endpoint.id)),
    ...(disable
      ? [
          auditInsert(ctx, {
            action: 'webhook.endpoint_auto_disable',
            entityType: 'webhook_endpoint',
            entityId: endpoint.id,
            before: { status: 'enabled' },
            after: { status: 'disabled', disabledReason: 'failures', consecutiveFailures: failures },
          }),
        ]
      : []),
  ]);
  return { deliveryId: delivery.id, ok, statusCode, latencyMs, error };
}

/** Attempts every due delivery of the tenant's enabled endpoints (oldest first, at most `limit`). */
export async function deliverDue(deps: DeliverDeps, opts: { limit?: number } = {}): Promise<AttemptOutcome[]> {
  const now = (deps.now ?? Date.now)();
  const db = openDb(deps.d1);
  const rows = await db
    .select({ d: webhookDeliveries, e: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), eq(webhookEndpoints.status, 'enabled')))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(opts.limit ?? 50);
  const out: AttemptOutcome[] = [];
  // One endpoint's deliveries in order, one at a time: its failure count decides whether the next is tried.
  const disabled = new Set<string>();
  for (const { d, e } of rows) {
    if (disabled.has(e.id)) continue;
    const fresh = (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, e.id)).limit(1))[0];
    if (!fresh || fresh.status !== 'enabled') {
      disabled.add(e.id);
      continue;
    }
    out.push(await attemptDelivery(deps, d, fresh));
  }
  return out;
}

