import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createResource } from '@ronghe/lists';
import { ResourceCreateSchema, ResourceSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/resources',
  tags: ['资源清单'],
  summary: '登记资源（成员单位开放的人才、资金、服务、阵地、物资、技术）',
  action: 'resource.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: ResourceCreateSchema } }, required: true } },
  responses: { 201: { description: '已登记', headers: ETagHeader, content: { 'application/json': { schema: ResourceSchema } } }, ...writeErrors },
});

export const createResourceRouter = createRouter().openapi(route, async (c) => {
  const n = await createResource({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(n, 201, { ETag: etagOf(n.version) });
});
