import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { webhookEndpointUpdateSchema } from '@ronghe/schema';
import { updateEndpoint } from '@ronghe/webhooks';
import { serviceContext } from '../../lib/service-context.ts';
import { EndpointParams, WebhookEndpointSchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/webhooks/endpoints/{id}',
  tags: ['回调'],
  summary: '修改回调地址、说明、订阅的事件类型，或启用/停用（需 If-Match；重新启用清零失败计数）',
  action: 'webhook.manage',
  request: { params: EndpointParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: webhookEndpointUpdateSchema.openapi('WebhookEndpointUpdate') } }, required: true } },
  responses: {
    200: { description: '已修改', content: { 'application/json': { schema: WebhookEndpointSchema } } },
    ...writeErrors,
  },
});

export const updateEndpointRouter = createRouter().openapi(route, async (c) => {
  const out = await updateEndpoint({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), ...c.req.valid('json') },
    env: c.env as { APP_ENV?: string; WEBHOOK_SECRET_KEY?: string },
  });
  return c.json(out, 200, { ETag: etagOf(out.version) });
});
