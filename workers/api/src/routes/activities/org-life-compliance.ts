import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportOrgLifeCompliance, getOrgLifeCompliance } from '@ronghe/activities';
import { OrgLifeCompliancePageSchema, OrgLifeComplianceQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { attachment } from '../../lib/xlsx.ts';
import { TAG } from './org-life-params.ts';

const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/org-life/compliance',
  tags: [TAG],
  summary: '各党支部组织生活达标情况（某年度、截至今天：已结束的每一期都开足次数为达标；当期尚未结束不计）',
  action: 'org_life.read',
  request: { params: TenantParam, query: OrgLifeComplianceQuerySchema },
  responses: { 200: { description: '达标情况', content: { 'application/json': { schema: OrgLifeCompliancePageSchema } } }, ...commonErrors },
});

const exportRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/org-life/compliance/export',
  tags: [TAG],
  summary: '导出各党支部组织生活达标情况 Excel（与列表相同的筛选条件）',
  action: 'org_life.read',
  request: { params: TenantParam, query: OrgLifeComplianceQuerySchema.omit({ page: true, limit: true }) },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const orgLifeComplianceRouter = createRouter().openapi(route, async (c) => c.json(await getOrgLifeCompliance({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
export const exportOrgLifeComplianceRouter = createRouter().openapi(exportRoute, async (c) => {
  const ctx = serviceContext(c);
  const input = c.req.valid('query');
  const bytes = await exportOrgLifeCompliance({ ctx, input });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`${ctx.tenant.name}${input.year}年组织生活达标情况.xlsx`) });
});
