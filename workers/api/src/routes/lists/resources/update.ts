import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateResource } from '@ronghe/lists';
import { ResourceSchema, ResourceUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ResourceParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/resources/{id}',
  tags: ['资源清单'],
  summary: '修改资源（可提供数量不能少于已对接的数量）',
  action: 'resource.manage',
  request: { params: ResourceParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: ResourceUpdateSchema } }, required: true } },
  responses: { 200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: ResourceSchema } } }, ...writeErrors },
});

export const updateResourceRouter = createRouter().openapi(route, async (c) => {
  const n = await updateResource({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(n, 200, { ETag: etagOf(n.version) });
});
