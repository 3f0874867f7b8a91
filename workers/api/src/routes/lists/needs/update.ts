import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateNeed } from '@ronghe/lists';
import { NeedSchema, NeedUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { NeedParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/needs/{id}',
  tags: ['需求清单'],
  summary: '修改需求（数量不能少于已承诺、实施中和已满足的合计）',
  action: 'need.create',
  request: { params: NeedParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: NeedUpdateSchema } }, required: true } },
  responses: { 200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: NeedSchema } } }, ...writeErrors },
});

export const updateNeedRouter = createRouter().openapi(route, async (c) => {
  const n = await updateNeed({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(n, 200, { ETag: etagOf(n.version) });
});
