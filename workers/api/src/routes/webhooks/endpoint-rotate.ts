import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { rotateSecret } from '@ronghe/webhooks';
import { serviceContext } from '../../lib/service-context.ts';
import { EndpointParams, WebhookEndpointWithSecret } from './schemas.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/webhooks/endpoints/{id}/rotate-secret',
  tags: ['回调'],
  summary: '更换签名密钥（立即生效，旧密钥作废；新密钥明文只返回这一次；需 If-Match）',
  action: 'webhook.manage',
  request: { params: EndpointParams, headers: IfMatchHeader },
  responses: {
    200: { description: '已更换', content: { 'application/json': { schema: WebhookEndpointWithSecret } } },
    ...writeErrors,
  },
});

export const rotateSecretRouter = createRouter().openapi(route, async (c) => {
  const out = await rotateSecret({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']) },
    env: c.env as { APP_ENV?: string; WEBHOOK_SECRET_KEY?: string },
  });
  return c.json(out, 200, { ETag: etagOf(out.version) });
});
