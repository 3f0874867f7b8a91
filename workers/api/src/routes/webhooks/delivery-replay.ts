import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { attemptDelivery, listDeliveries, replayDelivery } from '@ronghe/webhooks';
import { serviceContext } from '../../lib/service-context.ts';
import { DeliveryParams, WebhookDeliverySchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/webhooks/deliveries/{id}/replay',
  tags: ['回调'],
  summary: '重新投递一次回调（同一事件编号、同一请求体，立即尝试；失败则按退避重试）',
  action: 'webhook.manage',
  request: { params: DeliveryParams },
  responses: {
    200: { description: '已重新投递，返回本次尝试后的投递记录', content: { 'application/json': { schema: WebhookDeliverySchema } } },
    ...writeErrors,
  },
});

export const replayDeliveryRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const { delivery, endpoint } = await replayDelivery({ ctx, input: { id: c.req.valid('param').id } });
  // The replay is recorded; the attempt follows at once (its outcome is logged like any other).
  await attemptDelivery({ d1: ctx.db.$client, tenant: ctx.tenant, env: c.env as { APP_ENV?: string; WEBHOOK_SECRET_KEY?: string }, now: () => ctx.clock.now() }, delivery, endpoint);
  const [view] = (await listDeliveries({ ctx, input: { endpointId: endpoint.id } })).filter((d) => d.id === delivery.id);
  return c.json(view!, 200);
});
