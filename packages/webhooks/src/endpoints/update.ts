import { and, eq } from 'drizzle-orm';
import { auditGuarded, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { webhookEndpoints, type WebhookEndpointUpdate } from '@ronghe/schema';
import type { SecretEnv } from '../secret.ts';
import { checkUrl, endpointView, staleEndpoint, type WebhookEndpointView } from './view.ts';

/** Changes an endpoint's address, description, event types or status (enabling again clears its failure count). */
export async function updateEndpoint({ ctx, input, env }: { ctx: Ctx; input: { id: string; expectedVersion: number } & WebhookEndpointUpdate; env: SecretEnv }): Promise<WebhookEndpointView> {
  const row = (await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id)).limit(1))[0];
  if (!row) throw notFound('回调地址');
  if (row.version !== input.expectedVersion) throw staleEndpoint();
  const now = ctx.clock.now();
  const next = {
    url: input.url !== undefined ? checkUrl(input.url, env.APP_ENV) : row.url,
    description: input.description ?? row.description,
    eventTypes: input.eventTypes ? [...new Set(input.eventTypes)] : row.eventTypes,
    status: input.status ?? row.status,
  };
  const enabling = next.status === 'enabled' && row.status !== 'enabled';
  const disabling = next.status === 'disabled' && row.status !== 'disabled';
  const set = {
    ...next,
    disabledReason: enabling ? null : disabling ? 'manual' : row.disabledReason,
    consecutiveFailures: enabling ? 0 : row.consecutiveFailures,
    updatedAt: now,
    version: row.version + 1,
  };
  const pick = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => ['url', 'description', 'eventTypes', 'status'].includes(k)));
  const before = pick({ url: row.url, description: row.description, eventTypes: row.eventTypes, status: row.status });
  const after = pick(next);
  const action = enabling ? 'webhook.endpoint_enable' : disabling ? 'webhook.endpoint_disable' : 'webhook.endpoint_update';
  const [upd] = await writeBatch(ctx.db, [
    ctx.db.update(webhookEndpoints).set(set).where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.version, row.version))),
    auditGuarded(ctx, { action, entityType: 'webhook_endpoint', entityId: row.id, before, after }),
  ]);
  if (!upd?.meta.changes) throw staleEndpoint();
  return endpointView({ ...row, ...set });
}
