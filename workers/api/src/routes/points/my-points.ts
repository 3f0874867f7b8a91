import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { myPoints } from '@ronghe/points';
import { MyPointsQuerySchema, MyPointsSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/my/points',
  tags: ['积分'],
  summary: '我的积分：本年合计、在全旗县区与本支部的名次、最近的积分明细（账号未登记为人员时 404）',
  action: 'points.read',
  request: { params: TenantParam, query: MyPointsQuerySchema },
  responses: { 200: { description: '我的积分', content: { 'application/json': { schema: MyPointsSchema } } }, ...commonErrors },
});

export const myPointsRouter = createRouter().openapi(route, async (c) => c.json(await myPoints({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
