import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { resourceTemplate } from '@ronghe/lists';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/resources/import-template',
  tags: ['资源清单'],
  summary: '资源导入模板（第二行为填写说明）',
  action: 'resource.manage',
  request: { params: TenantParam },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const resourceTemplateRouter = createRouter().openapi(route, async (c) =>
  c.body(await resourceTemplate(), 200, { 'content-type': XLSX, 'content-disposition': attachment('资源清单导入模板.xlsx') }),
);
