import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateMember } from '@ronghe/alliance';
import { AllianceDetailSchema, MemberUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { MemberParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/alliances/{id}/members/{memberId}',
  tags: ['党建联合体'],
  summary: '修改成员的出资比例、产业化角色、联络员（If-Match 为该成员记录的版本；成员单位联络员只能改联络员）',
  action: 'alliance.member_update',
  request: { params: MemberParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: MemberUpdateSchema } }, required: true } },
  responses: {
    200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
    ...writeErrors,
  },
});

export const updateMemberRouter = createRouter().openapi(route, async (c) => {
  const p = c.req.valid('param');
  const a = await updateMember({
    ctx: serviceContext(c),
    input: { id: p.id, memberId: p.memberId, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
