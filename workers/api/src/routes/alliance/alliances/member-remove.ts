import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { removeMember } from '@ronghe/alliance';
import { AllianceDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { MemberParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'delete',
  path: '/t/{tenant}/alliances/{id}/members/{memberId}',
  tags: ['党建联合体'],
  summary: '移出拟加入的成员（仅草稿或未批准时；已加入的成员须经调整退出）',
  action: 'alliance.manage',
  request: { params: MemberParams, headers: IfMatchHeader },
  responses: {
    200: { description: '已移出', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
    ...writeErrors,
  },
});

export const removeMemberRouter = createRouter().openapi(route, async (c) => {
  const p = c.req.valid('param');
  const a = await removeMember({ ctx: serviceContext(c), input: { id: p.id, memberId: p.memberId, expectedVersion: expectedVersion(c.req.valid('header')['if-match']) } });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
