import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { withdrawResource } from '@ronghe/lists';
import { ReasonBodySchema, ResourceSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ResourceParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/resources/{id}/withdraw',
  tags: ['资源清单'],
  summary: '撤回资源（已对接的部分照常履行，其余不再提供）',
  action: 'resource.manage',
  request: { params: ResourceParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: ReasonBodySchema } }, required: true } },
  responses: { 200: { description: '已撤回', headers: ETagHeader, content: { 'application/json': { schema: ResourceSchema } } }, ...writeErrors },
});

export const withdrawResourceRouter = createRouter().openapi(route, async (c) => {
  const r = await withdrawResource({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), reason: c.req.valid('json').reason },
  });
  return c.json(r, 200, { ETag: etagOf(r.version) });
});
