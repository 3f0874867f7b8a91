import { createRoute } from '@hono/zod-openapi';
import { authorize, commonErrors, createRouter, TenantParam } from '@ronghe/http';
import { writeOrgTemplate } from '@ronghe/registry';
import { attachment, XLSX } from './export.ts';

export const route = createRoute({
  method: 'get',
  path: '/t/{tenant}/orgs/import-template',
  tags: ['党组织'],
  summary: '下载党组织导入模板（含填写说明）',
  'x-action': 'org.import',
  middleware: [authorize('org.import')] as const,
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
