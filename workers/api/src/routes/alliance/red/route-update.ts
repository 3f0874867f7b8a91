import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateRedRoute } from '@ronghe/alliance';
import { RedRouteSchema, RedRouteUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { RedParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/red-routes/{id}',
  tags: ['红色风景线与片区'],
  summary: '修改红色风景线（含归档）',
  action: 'red.manage',
  request: { params: RedParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: RedRouteUpdateSchema } }, required: true } },
  responses: { 200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: RedRouteSchema } } }, ...writeErrors },
});

export const updateRouteRouter = createRouter().openapi(route, async (c) => {
  const v = await updateRedRoute({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(v, 200, { ETag: etagOf(v.version) });
});
