import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { branchMembers } from '@ronghe/activities';
import { OrgLifeMembersSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { BranchParams, TAG } from './org-life-params.ts';

const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/org-life/branches/{orgId}/members',
  tags: [TAG],
  summary: '党支部在册党员（登记参会人员时选择；只含姓名）',
  action: 'org_life.read',
  request: { params: BranchParams },
  responses: { 200: { description: '党员', content: { 'application/json': { schema: OrgLifeMembersSchema } } }, ...commonErrors },
});

export const orgLifeMembersRouter = createRouter().openapi(route, async (c) => c.json(await branchMembers({ ctx: serviceContext(c), input: { orgId: c.req.valid('param').orgId } }), 200));
