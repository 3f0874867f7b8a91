import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { shanghaiDate } from '@ronghe/core';
import { exportCompliance, listCompliance } from '@ronghe/activities';
import { CompliancePageSchema, QuotaComplianceQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { attachment } from '../../lib/xlsx.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/activities/compliance',
  tags: [TAG],
  summary: '全旗县区联合体年度活动考核完成情况（未完成、有风险的排在前面；按情况筛选，分页）',
  action: 'activity.read',
  request: { params: TenantParam, query: QuotaComplianceQuerySchema },
  responses: { 200: { description: '一页联合体', content: { 'application/json': { schema: CompliancePageSchema } } }, ...commonErrors },
});

export const complianceRouter = createRouter().openapi(route, async (c) => c.json(await listCompliance({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));

export const exportRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/activities/compliance/export',
  tags: [TAG],
  summary: '导出联合体年度活动考核完成情况 Excel（每个联合体的每个考核项一行）',
  action: 'activity.read',
  request: { params: TenantParam, query: QuotaComplianceQuerySchema.omit({ page: true, limit: true }) },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const complianceExportRouter = createRouter().openapi(exportRoute, async (c) => {
  const ctx = serviceContext(c);
  const bytes = await exportCompliance({ ctx, input: c.req.valid('query') });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`${ctx.tenant.name}联合体活动考核_${shanghaiDate(ctx.clock.now())}.xlsx`) });
});
