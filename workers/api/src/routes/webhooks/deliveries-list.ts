import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listDeliveries } from '@ronghe/webhooks';
import { serviceContext } from '../../lib/service-context.ts';
import { DeliveryQuery, WebhookDeliverySchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/webhooks/deliveries',
  tags: ['回调'],
  summary: '回调投递记录，最新的在前，最多 200 条，每条带每次尝试的状态码、耗时和错误',
  action: 'webhook.read',
  request: { params: TenantParam, query: DeliveryQuery },
  responses: {
    200: { description: '投递记录', content: { 'application/json': { schema: z.object({ items: z.array(WebhookDeliverySchema) }) } } },
    ...commonErrors,
  },
});

export const listDeliveriesRouter = createRouter().openapi(route, async (c) => c.json({ items: await listDeliveries({ ctx: serviceContext(c), input: c.req.valid('query') }) }, 200));
