import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { writeOrgTemplate } from '@ronghe/registry';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/orgs/import-template',
  tags: ['党组织'],
  summary: '下载党组织导入模板（含填写说明）',
  action: 'org.import',
  request: { params: TenantParam },
  responses: {
    200: { description: '.xlsx 模板', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } },
    ...commonErrors,
  },
});

export const importTemplateRouter = createRouter().openapi(route, async (c) => {
  const bytes = await writeOrgTemplate();
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment('党组织导入模板.xlsx') });
});
