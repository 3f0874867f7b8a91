import { createRouter, etagOf, tenantRoute, writeErrors } from '@ronghe/http';
import { createDocument } from '@ronghe/alliance';
import { DocumentCreateSchema, DocumentSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { AllianceParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/alliances/{id}/documents',
  tags: ['党建联合体'],
  summary: '新建文书（章程、共建协议、制度、计划、纪要、申请书；正文存档并计算 SHA-256）',
  action: 'alliance.manage',
  request: { params: AllianceParams, body: { content: { 'application/json': { schema: DocumentCreateSchema } }, required: true } },
  responses: {
    201: { description: '已建立', headers: ETagHeader, content: { 'application/json': { schema: DocumentSchema } } },
    ...writeErrors,
  },
});

export const createDocumentRouter = createRouter().openapi(route, async (c) => {
  const d = await createDocument({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, doc: c.req.valid('json') } });
  return c.json(d, 201, { ETag: etagOf(d.version) });
});
