import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listApiKeys } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { ApiKeySchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/api-keys',
  tags: ['开放接口密钥'],
  summary: '本旗县区的开放接口密钥（不含明文）',
  action: 'api_key.manage',
  request: { params: TenantParam },
  responses: {
    200: { description: '密钥列表', content: { 'application/json': { schema: z.object({ items: z.array(ApiKeySchema) }) } } },
    ...commonErrors,
  },
});

export const listApiKeysRouter = createRouter().openapi(route, async (c) => {
  return c.json({ items: await listApiKeys({ ctx: accountsContext(c) }) }, 200);
});
