import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { memberOrgRatable } from '@ronghe/assessment';
import { MemberOrgRatableSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/member-org-ratings',
  tags: ['考核评价'],
  summary: '成员单位评价：本单位作为成员参加、正在考核的联合体，以及本单位已作出的评价',
  action: 'rating.member_org',
  request: { params: TenantParam },
  responses: { 200: { description: '可评价的考核', content: { 'application/json': { schema: z.array(MemberOrgRatableSchema) } } }, ...commonErrors },
});

export const memberOrgRatableRouter = createRouter().openapi(route, async (c) => c.json(await memberOrgRatable({ ctx: serviceContext(c) }), 200));
