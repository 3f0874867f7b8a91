import { desc } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { webhookEndpoints } from '@ronghe/schema';
import { endpointView, type WebhookEndpointView } from './view.ts';

export async function listEndpoints({ ctx }: { ctx: Ctx }): Promise<WebhookEndpointView[]> {
  const rows = await ctx.db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id)).limit(200);
  return rows.map(endpointView);
}
