import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listFilings } from '@ronghe/alliance';
import { FilingListQuerySchema, FilingListSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/filings',
  tags: ['备案'],
  summary: '备案收件箱（组建批复、调整、整顿、撤销、考核结果），最新在前',
  action: 'filing.read',
  request: { params: TenantParam, query: FilingListQuerySchema },
  responses: { 200: { description: '一页备案，含未读数', content: { 'application/json': { schema: FilingListSchema } } }, ...commonErrors },
});

export const listFilingsRouter = createRouter().openapi(route, async (c) => {
  return c.json(await listFilings({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
});
