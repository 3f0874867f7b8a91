import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createMemberReport } from '@ronghe/people';
import { MemberReportCreateSchema, MemberReportSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/member-reports',
  tags: PAIRING_TAG,
  summary: '登记在职党员到社区报到（重复报到同一社区不重复登记）',
  action: 'pairing.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: MemberReportCreateSchema } }, required: true } },
  responses: {
    201: { description: '已报到', content: { 'application/json': { schema: MemberReportSchema } } },
    200: { description: '此前已报到，返回原报到记录', content: { 'application/json': { schema: MemberReportSchema } } },
    ...writeErrors,
  },
});

export const createMemberReportRouter = createRouter().openapi(route, async (c) => {
  const { report, created } = await createMemberReport({ ctx: serviceContext(c), input: c.req.valid('json') });
  return created ? c.json(report, 201) : c.json(report, 200);
});
