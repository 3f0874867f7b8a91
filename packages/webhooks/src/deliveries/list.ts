import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { webhookAttempts, webhookDeliveries, type WebhookAttemptView, type WebhookDelivery, type WebhookDeliveryView } from '@ronghe/schema';

export type { WebhookAttemptView, WebhookDeliveryView } from '@ronghe/schema';

export function deliveryView(d: WebhookDelivery, log: WebhookAttemptView[]): WebhookDeliveryView {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status as WebhookDeliveryView['status'],
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastLatencyMs: d.lastLatencyMs,
    lastError: d.lastError,
    createdAt: d.createdAt,
    deliveredAt: d.deliveredAt,
    version: d.version,
    body: JSON.parse(d.body),
    attemptLog: log,
  };
}

/** The page size of the delivery log. */
const PAGE = 200;

/**
 * The delivery log, newest first (at most 200), each with its attempts. The
 * attempts are selected by the same page as a subquery, not by a list of ids:
 * 200 ids would be 200 bound parameters, twice D1's limit of 100.
 */
export async function listDeliveries({ ctx, input }: { ctx: Ctx; input: { endpointId?: string; status?: 'pending' | 'delivered' | 'failed' } }): Promise<WebhookDeliveryView[]> {
  const where = and(input.endpointId ? eq(webhookDeliveries.endpointId, input.endpointId) : undefined, input.status ? eq(webhookDeliveries.status, input.status) : undefined);
  const newestFirst = [desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)] as const;
  const page = ctx.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(where).orderBy(...newestFirst).limit(PAGE);
  const [rows, attempts] = await ctx.db.batch([
    ctx.db.select().from(webhookDeliveries).where(where).orderBy(...newestFirst).limit(PAGE),
    ctx.db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, page))
      .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt)),
  ]);
  const log = new Map<string, WebhookAttemptView[]>();
  for (const a of attempts) {
    const l = log.get(a.deliveryId) ?? [];
    l.push({ attempt: a.attempt, at: a.at, statusCode: a.statusCode, latencyMs: a.latencyMs, error: a.error });
    log.set(a.deliveryId, l);
  }
  return rows.map((r) => deliveryView(r, log.get(r.id) ?? []));
}
