import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { writePersonTemplate } from '@ronghe/people';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/people/import-template',
  tags: ['人员'],
  summary: '下载人员导入模板（含填写说明）',
  action: 'person.import',
  request: { params: TenantParam },
  responses: {
    200: { description: '.xlsx 模板', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } },
    ...commonErrors,
  },
});

export const peopleTemplateRouter = createRouter().openapi(route, async (c) => {
  return c.body(await writePersonTemplate(), 200, { 'content-type': XLSX, 'content-disposition': attachment('人员导入模板.xlsx') });
});
