import { auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { webhookEndpoints, type WebhookEndpointCreate } from '@ronghe/schema';
import { encryptSecret, newSecret, secretPrefix, type SecretEnv } from '../secret.ts';
import { checkUrl, endpointView, type WebhookEndpointView } from './view.ts';

/** Registers an endpoint; the secret is returned this once and kept only encrypted. Audited without the secret. */
export async function createEndpoint({ ctx, input, env }: { ctx: Ctx; input: WebhookEndpointCreate; env: SecretEnv }): Promise<WebhookEndpointView & { secret: string }> {
  const url = checkUrl(input.url, env.APP_ENV);
  const now = ctx.clock.now();
  const secret = newSecret();
  const row = {
    id: newId('whe', now),
    url,
    description: input.description ?? '',
    eventTypes: [...new Set(input.eventTypes)],
    secretEnc: await encryptSecret(env, secret),
    secretPrefix: secretPrefix(secret),
    status: 'enabled',
    disabledReason: null,
    consecutiveFailures: 0,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(webhookEndpoints).values(row),
    auditInsert(ctx, { action: 'webhook.endpoint_create', entityType: 'webhook_endpoint', entityId: row.id, after: { url, description: row.description, eventTypes: row.eventTypes, status: 'enabled' } }),
  ]);
  return { ...endpointView(row), secret };
}
