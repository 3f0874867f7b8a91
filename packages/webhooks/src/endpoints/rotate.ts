import { and, eq } from 'drizzle-orm';
import { auditGuarded, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { webhookEndpoints } from '@ronghe/schema';
import { encryptSecret, newSecret, secretPrefix, type SecretEnv } from '../secret.ts';
import { endpointView, staleEndpoint, type WebhookEndpointView } from './view.ts';

/** Replaces an endpoint's signing secret at once; the new one is returned this once. Audited by prefix only. */
export async function rotateSecret({ ctx, input, env }: { ctx: Ctx; input: { id: string; expectedVersion: number }; env: SecretEnv }): Promise<WebhookEndpointView & { secret: string }> {
  const row = (await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id)).limit(1))[0];
  if (!row) throw notFound('回调地址');
  if (row.version !== input.expectedVersion) throw staleEndpoint();
  const now = ctx.clock.now();
  const secret = newSecret();
  const set = { secretEnc: await encryptSecret(env, secret), secretPrefix: secretPrefix(secret), updatedAt: now, version: row.version + 1 };
  const [upd] = await writeBatch(ctx.db, [
    ctx.db.update(webhookEndpoints).set(set).where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.version, row.version))),
    auditGuarded(ctx, { action: 'webhook.secret_rotate', entityType: 'webhook_endpoint', entityId: row.id, before: { secretPrefix: row.secretPrefix }, after: { secretPrefix: set.secretPrefix } }),
  ]);
  if (!upd?.meta.changes) throw staleEndpoint();
  return { ...endpointView({ ...row, ...set }), secret };
}
