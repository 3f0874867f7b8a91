import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { endNeed } from '@ronghe/lists';
import { NeedSchema, ReasonBodySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { NeedParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/needs/{id}/close',
  tags: ['需求清单'],
  summary: '关闭需求（不再需要对接；已满足的部分保留）',
  action: 'need.manage',
  request: { params: NeedParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: ReasonBodySchema } }, required: true } },
  responses: { 200: { description: '已办理', headers: ETagHeader, content: { 'application/json': { schema: NeedSchema } } }, ...writeErrors },
});

export const closeNeedRouter = createRouter().openapi(route, async (c) => {
  const n = await endNeed({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), reason: c.req.valid('json').reason, as: 'close' },
  });
  return c.json(n, 200, { ETag: etagOf(n.version) });
});
