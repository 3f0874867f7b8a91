import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createRedRoute } from '@ronghe/alliance';
import { RedRouteCreateSchema, RedRouteSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/red-routes',
  tags: ['红色风景线与片区'],
  summary: '新建红色风景线',
  action: 'red.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: RedRouteCreateSchema } }, required: true } },
  responses: { 201: { description: '已建立', headers: ETagHeader, content: { 'application/json': { schema: RedRouteSchema } } }, ...writeErrors },
});

export const createRouteRouter = createRouter().openapi(route, async (c) => {
  const v = await createRedRoute({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(v, 201, { ETag: etagOf(v.version) });
});
