import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { endNeed } from '@ronghe/lists';
import { NeedSchema, ReasonBodySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { NeedParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/needs/{id}/withdraw',
  tags: ['需求清单'],
  summary: '撤回需求（尚无承诺或实施中的数量时）',
  action: 'need.create',
  request: { params: NeedParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: ReasonBodySchema } }, required: true } },
  responses: { 200: { description: '已办理', headers: ETagHeader, content: { 'application/json': { schema: NeedSchema } } }, ...writeErrors },
});

export const withdrawNeedRouter = createRouter().openapi(route, async (c) => {
  const n = await endNeed({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), reason: c.req.valid('json').reason, as: 'withdraw' },
  });
  return c.json(n, 200, { ETag: etagOf(n.version) });
});
