import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { needTemplate } from '@ronghe/lists';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/needs/import-template',
  tags: ['需求清单'],
  summary: '需求导入模板（第二行为填写说明）',
  action: 'need.create',
  request: { params: TenantParam },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const needTemplateRouter = createRouter().openapi(route, async (c) =>
  c.body(await needTemplate(), 200, { 'content-type': XLSX, 'content-disposition': attachment('需求清单导入模板.xlsx') }),
);
