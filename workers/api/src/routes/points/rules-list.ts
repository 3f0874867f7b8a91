import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listPointRules } from '@ronghe/points';
import { PointRuleListSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/points/rules',
  tags: ['积分'],
  summary: '积分规则（每条规则的现行版本：来源、每单位分值、封顶、可手工加分的角色）',
  action: 'points.read',
  request: { params: TenantParam },
  responses: { 200: { description: '现行积分规则', content: { 'application/json': { schema: PointRuleListSchema } } }, ...commonErrors },
});

export const listPointRulesRouter = createRouter().openapi(route, async (c) => c.json(await listPointRules({ ctx: serviceContext(c) }), 200));
