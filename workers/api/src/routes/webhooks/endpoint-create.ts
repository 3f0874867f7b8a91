import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { webhookEndpointCreateSchema } from '@ronghe/schema';
import { createEndpoint } from '@ronghe/webhooks';
import { serviceContext } from '../../lib/service-context.ts';
import { WebhookEndpointWithSecret } from './schemas.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/webhooks/endpoints',
  tags: ['回调'],
  summary: '登记回调地址（HTTPS；签名密钥明文只返回这一次）',
  action: 'webhook.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: webhookEndpointCreateSchema.openapi('WebhookEndpointCreate') } }, required: true } },
  responses: {
    201: { description: '已登记', content: { 'application/json': { schema: WebhookEndpointWithSecret } } },
    ...writeErrors,
  },
});

export const createEndpointRouter = createRouter().openapi(route, async (c) => {
  const out = await createEndpoint({ ctx: serviceContext(c), input: c.req.valid('json'), env: c.env as { APP_ENV?: string; WEBHOOK_SECRET_KEY?: string } });
  return c.json(out, 201, { ETag: etagOf(out.version) });
});
