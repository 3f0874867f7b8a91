import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '@ronghe/core';
import { authorize, createRouter, TenantParam, writeErrors } from '@ronghe/http';
import { importOrgs } from '@ronghe/registry';
import { serviceContext } from '../../lib/service-context.ts';
import { XLSX } from './export.ts';

/** Spreadsheets are larger than JSON bodies; this route has its own limit. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const route = createRoute({
  method: 'post',
  path: '/t/{tenant}/orgs/import',
  tags: ['党组织'],
  summary: 'Excel 批量导入党组织（全部成功或全部不导入；逐行逐列报告错误）',
  'x-action': 'org.import',
  middleware: [authorize('org.import')] as const,
  request: {
    params: TenantParam,
    body: { content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } }, required: true },
  },
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
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith(XLSX) && !type.startsWith('application/octet-stream')) {
    throw new AppError('unsupported_media_type', '请以 .xlsx 文件内容作为请求体上传');
  }
  // Binary bodies are not schema-validated by zod-openapi: the workbook parser is their validator.
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength === 0) {
    throw new AppError('validation_failed', '上传的文件为空', { errors: [{ path: 'body', message: '上传的文件为空' }] });
  }
  const result = await importOrgs({ ctx: serviceContext(c), input: { bytes } });
  return c.json(result, 200);
});
