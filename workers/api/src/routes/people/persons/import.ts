import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { importPeople } from '@ronghe/people';
import { PersonImportResultSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { workbookBytes } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/people/import',
  tags: ['人员'],
  summary: 'Excel 批量导入人员（全部成功或全部不导入；逐行逐列报告错误；打码的手机号、身份证号表示不修改）',
  action: 'person.import',
  body: 'xlsx',
  request: { params: TenantParam },
  responses: {
    200: { description: '导入结果', content: { 'application/json': { schema: PersonImportResultSchema } } },
    ...writeErrors,
    415: { description: '请上传 .xlsx 文件' },
  },
});

export const importPeopleRouter = createRouter().openapi(route, async (c) => {
  const bytes = await workbookBytes(c.req.raw);
  return c.json(await importPeople({ ctx: serviceContext(c), input: { bytes } }), 200);
});
