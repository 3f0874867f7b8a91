import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listMemberReports } from '@ronghe/people';
import { MemberReportListQuerySchema, MemberReportPageSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/member-reports',
  tags: PAIRING_TAG,
  summary: '在职党员到社区报到（个人报到）列表',
  action: 'pairing.read',
  request: { params: TenantParam, query: MemberReportListQuerySchema },
  responses: { 200: { description: '报到记录', content: { 'application/json': { schema: MemberReportPageSchema } } }, ...commonErrors },
});

export const listMemberReportsRouter = createRouter().openapi(route, async (c) => c.json(await listMemberReports({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
