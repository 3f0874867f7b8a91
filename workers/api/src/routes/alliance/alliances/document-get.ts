import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getDocument } from '@ronghe/alliance';
import { DocumentSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { DocumentParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/alliances/{id}/documents/{docId}',
  tags: ['党建联合体'],
  summary: '文书全文',
  action: 'alliance.read',
  request: { params: DocumentParams },
  responses: {
    200: { description: '文书', headers: ETagHeader, content: { 'application/json': { schema: DocumentSchema } } },
    ...commonErrors,
  },
});

export const getDocumentRouter = createRouter().openapi(route, async (c) => {
  const p = c.req.valid('param');
  const d = await getDocument({ ctx: serviceContext(c), input: { id: p.id, docId: p.docId } });
  return c.json(d, 200, { ETag: etagOf(d.version) });
});
