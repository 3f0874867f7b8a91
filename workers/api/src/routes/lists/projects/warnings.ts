import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { getWarnings } from '@ronghe/lists';
import { WarningsQuerySchema, WarningsResponseSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/supervision/warnings',
  tags: ['督办'],
  summary: '预警看板：红黄绿项目数、红黄项目、逾期未满足的需求（mine=true 只看本人牵头、督办或认领的联合体）',
  action: 'list.read',
  request: { params: TenantParam, query: WarningsQuerySchema },
  responses: { 200: { description: '预警', content: { 'application/json': { schema: WarningsResponseSchema } } }, ...commonErrors },
});

export const warningsRouter = createRouter().openapi(route, async (c) => {
  return c.json(await getWarnings({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
});
