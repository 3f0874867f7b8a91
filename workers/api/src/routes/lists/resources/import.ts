import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { importResources } from '@ronghe/lists';
import { serviceContext } from '../../../lib/service-context.ts';
import { ImportQuery, ImportResultSchema } from '../params.ts';
import { workbookBytes } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/resources/import',
  tags: ['资源清单'],
  summary: 'Excel 批量导入资源到一个联合体（全部成功或全部不导入；逐行逐列报告错误）',
  action: 'resource.manage',
  body: 'xlsx',
  request: { params: TenantParam, query: ImportQuery },
  responses: { 200: { description: '导入结果', content: { 'application/json': { schema: ImportResultSchema } } }, ...writeErrors, 415: { description: '请上传 .xlsx 文件' } },
});

export const importResourcesRouter = createRouter().openapi(route, async (c) => {
  const bytes = await workbookBytes(c.req.raw);
  return c.json(await importResources({ ctx: serviceContext(c), input: { allianceId: c.req.valid('query').allianceId, bytes } }), 200);
});
