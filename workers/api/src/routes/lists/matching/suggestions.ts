import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { suggestionsFor } from '@ronghe/lists';
import { SuggestionsResponseSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { NeedParams } from '../params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/needs/{id}/suggestions',
  tags: ['需求对接'],
  summary: '为一条需求推荐资源：满足类别、可用期和服务范围的资源按综合成本排序，并逐项说明理由',
  action: 'list.read',
  request: {
    params: NeedParams,
    query: z.object({ limit: z.coerce.number({ message: '条数须为数字' }).int().min(1, { message: '至少 1 条' }).max(50, { message: '最多 50 条' }).optional() }).strict(),
  },
  responses: { 200: { description: '推荐', content: { 'application/json': { schema: SuggestionsResponseSchema } } }, ...commonErrors },
});

export const suggestionsRouter = createRouter().openapi(route, async (c) =>
  c.json(await suggestionsFor({ ctx: serviceContext(c), input: { needId: c.req.valid('param').id, limit: c.req.valid('query').limit } }), 200),
);
