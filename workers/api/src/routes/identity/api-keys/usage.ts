import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { apiKeyUsageOf } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { ApiKeyParams } from './schemas.ts';

const UsageSchema = z
  .object({
    days: z.array(z.object({ day: z.string().openapi({ description: '日期（北京时间）' }), calls: z.number().int() })),
    total: z.number().int(),
    lastUsedAt: z.number().int().nullable(),
  })
  .openapi('ApiKeyUsage');

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/api-keys/{id}/usage',
  tags: ['开放接口密钥'],
  summary: '开放接口密钥近 30 天每日调用次数（北京时间按日计）',
  action: 'api_key.manage',
  request: { params: ApiKeyParams },
  responses: { 200: { description: '每日调用次数', content: { 'application/json': { schema: UsageSchema } } }, ...commonErrors },
});

export const apiKeyUsageRouter = createRouter().openapi(route, async (c) => {
  return c.json(await apiKeyUsageOf({ ctx: accountsContext(c), input: { id: c.req.valid('param').id } }), 200);
});
