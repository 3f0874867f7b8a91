import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listAlliances } from '@ronghe/alliance';
import { AllianceListQuerySchema, AllianceListSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/alliances',
  tags: ['党建联合体'],
  summary: '联合体列表（按类型、模式、状态、审批单位、街道筛选，搜索，游标分页）',
  action: 'alliance.read',
  request: { params: TenantParam, query: AllianceListQuerySchema },
  responses: { 200: { description: '一页联合体', content: { 'application/json': { schema: AllianceListSchema } } }, ...commonErrors },
});

export const listAlliancesRouter = createRouter().openapi(route, async (c) => {
  return c.json(await listAlliances({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
});
