import { z } from '@hono/zod-openapi';
import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { attachOriginal } from '@ronghe/alliance';
import { plainText, DocumentSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { DocumentParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/alliances/{id}/documents/{docId}/original',
  tags: ['党建联合体'],
  summary: '上传或替换文书的盖章扫描件（PDF/PNG/JPG，≤ 20 MB；按文件头识别类型，记录 SHA-256）',
  action: 'alliance.manage',
  body: 'original',
  request: {
    params: DocumentParams,
    headers: IfMatchHeader,
    query: z.object({ fileName: plainText('文件名').pipe(z.string().max(200, '文件名不能超过 200 个字符')).optional().openapi({ description: '原文件名，下载时沿用' }) }),
  },
  responses: {
    200: { description: '已保存原件', headers: ETagHeader, content: { 'application/json': { schema: DocumentSchema } } },
    ...writeErrors,
  },
});

export const putDocumentOriginalRouter = createRouter().openapi(route, async (c) => {
  const p = c.req.valid('param');
  const d = await attachOriginal({
    ctx: serviceContext(c),
    input: {
      id: p.id,
      docId: p.docId,
      expectedVersion: expectedVersion(c.req.valid('header')['if-match']),
      declaredType: c.req.header('content-type') ?? null,
      fileName: c.req.valid('query').fileName ?? null,
      bytes: await c.req.arrayBuffer(),
    },
    store: c.env.DOCUMENTS,
  });
  return c.json(d, 200, { ETag: etagOf(d.version) });
});
