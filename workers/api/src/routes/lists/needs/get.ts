import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getNeed } from '@ronghe/lists';
import { NeedSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { NeedParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/needs/{id}',
  tags: ['需求清单'],
  summary: '需求详情（数量分为已承诺、实施中、已满足）',
  action: 'list.read',
  request: { params: NeedParams },
  responses: { 200: { description: '需求', headers: ETagHeader, content: { 'application/json': { schema: NeedSchema } } }, ...commonErrors },
});

export const getNeedRouter = createRouter().openapi(route, async (c) => {
  const n = await getNeed({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(n, 200, { ETag: etagOf(n.version) });
});
