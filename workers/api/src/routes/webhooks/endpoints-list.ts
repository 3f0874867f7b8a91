import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listEndpoints } from '@ronghe/webhooks';
import { serviceContext } from '../../lib/service-context.ts';
import { WebhookEndpointSchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/webhooks/endpoints',
  tags: ['回调'],
  summary: '本旗县区登记的回调地址（不含签名密钥）',
  action: 'webhook.read',
  request: { params: TenantParam },
  responses: {
    200: { description: '回调地址列表', content: { 'application/json': { schema: z.object({ items: z.array(WebhookEndpointSchema) }) } } },
    ...commonErrors,
  },
});

export const listEndpointsRouter = createRouter().openapi(route, async (c) => c.json({ items: await listEndpoints({ ctx: serviceContext(c) }) }, 200));
