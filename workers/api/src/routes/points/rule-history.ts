import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { pointRuleHistory } from '@ronghe/points';
import { PointRuleCodeParam, PointRuleListSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/points/rules/{code}/history',
  tags: ['积分'],
  summary: '一条积分规则的全部版本（新的在前）；积分明细记录其计算所用的版本',
  action: 'points.read',
  request: { params: PointRuleCodeParam },
  responses: { 200: { description: '规则的各个版本', content: { 'application/json': { schema: PointRuleListSchema } } }, ...commonErrors },
});

export const pointRuleHistoryRouter = createRouter().openapi(route, async (c) =>
  c.json(await pointRuleHistory({ ctx: serviceContext(c), input: { code: c.req.valid('param').code } }), 200),
);
