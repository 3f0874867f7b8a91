import { commonErrors, createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { myReports, reportMyself } from '@ronghe/people';
import { MemberReportSchema, MyReportCreateSchema, MyReportsSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const getRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/my/reports',
  tags: PAIRING_TAG,
  summary: '我的报到：报到的社区与记实档案',
  action: 'pairing.self',
  request: { params: TenantParam },
  responses: { 200: { description: '我的报到', content: { 'application/json': { schema: MyReportsSchema } } }, ...commonErrors },
});

export const postRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/my/reports',
  tags: PAIRING_TAG,
  summary: '在职党员本人到社区报到（重复报到同一社区不重复登记）',
  action: 'pairing.self',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: MyReportCreateSchema } }, required: true } },
  responses: {
    201: { description: '已报到', content: { 'application/json': { schema: MemberReportSchema } } },
    200: { description: '此前已报到，返回原报到记录', content: { 'application/json': { schema: MemberReportSchema } } },
    ...writeErrors,
  },
});

export const myReportsRouter = createRouter()
  .openapi(getRoute, async (c) => c.json(await myReports({ ctx: serviceContext(c) }), 200))
  .openapi(postRoute, async (c) => {
    const { report, created } = await reportMyself({ ctx: serviceContext(c), input: c.req.valid('json') });
    return created ? c.json(report, 201) : c.json(report, 200);
  });
