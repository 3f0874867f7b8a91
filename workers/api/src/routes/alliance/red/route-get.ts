import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getRedRoute } from '@ronghe/alliance';
import { RedRouteSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { RedParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/red-routes/{id}',
  tags: ['红色风景线与片区'],
  summary: '红色风景线详情',
  action: 'red.read',
  request: { params: RedParams },
  responses: { 200: { description: '红色风景线', headers: ETagHeader, content: { 'application/json': { schema: RedRouteSchema } } }, ...commonErrors },
});

export const getRouteRouter = createRouter().openapi(route, async (c) => {
  const v = await getRedRoute({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(v, 200, { ETag: etagOf(v.version) });
});
