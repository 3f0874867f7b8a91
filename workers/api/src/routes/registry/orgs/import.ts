import { z } from '@hono/zod-openapi';
import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { importOrgs } from '@ronghe/registry';
import { serviceContext } from '../../../lib/service-context.ts';
import { workbookBytes } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/orgs/import',
  tags: ['党组织'],
  summary: 'Excel 批量导入党组织（全部成功或全部不导入；逐行逐列报告错误）',
  action: 'org.import',
  body: 'xlsx',
  request: { params: TenantParam },
  responses: {
    200: {
      description: '导入结果',
      content: {
        'application/json': {
          schema: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).openapi('ImportResult'),
        },
      },
    },
    ...writeErrors,
    415: { description: '请上传 .xlsx 文件' },
  },
});

export const importOrgsRouter = createRouter().openapi(route, async (c) => {
  const bytes = await workbookBytes(c.req.raw);
  const result = await importOrgs({ ctx: serviceContext(c), input: { bytes } });
  return c.json(result, 200);
});
