import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listStandardizations } from '@ronghe/honours';
import { StandardizationListQuerySchema, StandardizationListSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/honours/standardizations',
  tags: ['荣誉与示范'],
  summary: '某年度的党支部标准化规范化申请（含四评考评与验收结果）',
  action: 'honour.read',
  request: { params: TenantParam, query: StandardizationListQuerySchema },
  responses: { 200: { description: '申请列表', content: { 'application/json': { schema: StandardizationListSchema } } }, ...commonErrors },
});

export const listStandardizationsRouter = createRouter().openapi(route, async (c) => c.json(await listStandardizations({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
