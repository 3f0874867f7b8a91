import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { getQuotaPlan } from '@ronghe/activities';
import { QuotaPlanViewSchema, QuotaYearQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { QuotaParams, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/activities/quota-plans/{allianceId}',
  tags: [TAG],
  summary: '联合体年度活动考核计划及完成情况（未设置时为“五个一”默认计划）',
  action: 'activity.read',
  request: { params: QuotaParams, query: QuotaYearQuerySchema },
  responses: { 200: { description: '考核计划', content: { 'application/json': { schema: QuotaPlanViewSchema } } }, ...commonErrors },
});

export const getQuotaPlanRouter = createRouter().openapi(route, async (c) =>
  c.json(await getQuotaPlan({ ctx: serviceContext(c), input: { allianceId: c.req.valid('param').allianceId, year: c.req.valid('query').year } }), 200),
);
