import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateDocument } from '@ronghe/alliance';
import { DocumentSchema, DocumentUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { DocumentParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/alliances/{id}/documents/{docId}',
  tags: ['党建联合体'],
  summary: '修改文书草稿（已通过/已签署的文书不能修改）',
  action: 'alliance.manage',
  request: { params: DocumentParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: DocumentUpdateSchema } }, required: true } },
  responses: {
    200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: DocumentSchema } } },
    ...writeErrors,
  },
});

export const updateDocumentRouter = createRouter().openapi(route, async (c) => {
  const p = c.req.valid('param');
  const d = await updateDocument({
    ctx: serviceContext(c),
    input: { id: p.id, docId: p.docId, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(d, 200, { ETag: etagOf(d.version) });
});
