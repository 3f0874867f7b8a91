import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getResource } from '@ronghe/lists';
import { ResourceSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ResourceParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/resources/{id}',
  tags: ['资源清单'],
  summary: '资源详情',
  action: 'list.read',
  request: { params: ResourceParams },
  responses: { 200: { description: '需求', headers: ETagHeader, content: { 'application/json': { schema: ResourceSchema } } }, ...commonErrors },
});

export const getResourceRouter = createRouter().openapi(route, async (c) => {
  const n = await getResource({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(n, 200, { ETag: etagOf(n.version) });
});
