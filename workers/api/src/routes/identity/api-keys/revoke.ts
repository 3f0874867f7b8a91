import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { revokeApiKey } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { ApiKeyParams, ApiKeySchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/api-keys/{id}/revoke',
  tags: ['开放接口密钥'],
  summary: '吊销开放接口密钥（需 If-Match）',
  action: 'api_key.manage',
  request: { params: ApiKeyParams, headers: IfMatchHeader },
  responses: {
    200: { description: '已吊销', content: { 'application/json': { schema: ApiKeySchema } } },
    ...writeErrors,
  },
});

export const revokeApiKeyRouter = createRouter().openapi(route, async (c) => {
  const key = await revokeApiKey({
    ctx: accountsContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']) },
  });
  return c.json(key, 200, { ETag: etagOf(key.version) });
});
