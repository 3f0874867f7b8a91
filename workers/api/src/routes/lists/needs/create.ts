import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createNeed } from '@ronghe/lists';
import { NeedCreateSchema, NeedSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/needs',
  tags: ['需求清单'],
  summary: '登记需求（群众点单、成员单位需求、问题清单）',
  action: 'need.create',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: NeedCreateSchema } }, required: true } },
  responses: { 201: { description: '已登记', headers: ETagHeader, content: { 'application/json': { schema: NeedSchema } } }, ...writeErrors },
});

export const createNeedRouter = createRouter().openapi(route, async (c) => {
  const n = await createNeed({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(n, 201, { ETag: etagOf(n.version) });
});
