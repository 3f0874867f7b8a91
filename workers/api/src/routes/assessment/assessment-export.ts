import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportAssessments } from '@ronghe/assessment';
import { AssessmentExportQuery } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { attachment } from '../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/assessment/assessments/export',
  tags: ['考核评价'],
  summary: '导出某年度的联合体考核结果（Excel）',
  action: 'assessment.read',
  request: { params: TenantParam, query: AssessmentExportQuery },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const assessmentExportRouter = createRouter().openapi(route, async (c) => {
  const { filename, bytes } = await exportAssessments({ ctx: serviceContext(c), input: c.req.valid('query') });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(filename) });
});
