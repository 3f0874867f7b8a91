import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { addMember } from '@ronghe/alliance';
import { AllianceDetailSchema, MemberAddSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { AllianceParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/alliances/{id}/members',
  tags: ['党建联合体'],
  summary: '添加拟加入的成员单位（草稿或未批准时；If-Match 为联合体版本）',
  action: 'alliance.manage',
  request: { params: AllianceParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: MemberAddSchema } }, required: true } },
  responses: {
    200: { description: '已添加', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
    ...writeErrors,
  },
});

export const addMemberRouter = createRouter().openapi(route, async (c) => {
  const a = await addMember({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), member: c.req.valid('json') },
  });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
