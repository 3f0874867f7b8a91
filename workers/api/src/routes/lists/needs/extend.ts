import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { extendNeedDeadline } from '@ronghe/lists';
import { NeedExtendSchema, NeedSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { NeedParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/needs/{id}/extend',
  tags: ['需求清单'],
  summary: '延长需求的截止日期（逾期复核：需求仍然需要，重新参与匹配；须写明原因）',
  action: 'need.manage',
  request: { params: NeedParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: NeedExtendSchema } }, required: true } },
  responses: { 200: { description: '已延长', headers: ETagHeader, content: { 'application/json': { schema: NeedSchema } } }, ...writeErrors },
});

export const extendNeedRouter = createRouter().openapi(route, async (c) => {
  const body = c.req.valid('json');
  const n = await extendNeedDeadline({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), deadline: body.deadline, reason: body.reason },
  });
  return c.json(n, 200, { ETag: etagOf(n.version) });
});
