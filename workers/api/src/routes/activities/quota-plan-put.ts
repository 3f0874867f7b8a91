import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { setQuotaPlan } from '@ronghe/activities';
import { QuotaPlanPutSchema, QuotaPlanViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { QuotaParams, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/activities/quota-plans/{allianceId}',
  tags: [TAG],
  summary: '设置联合体某年度的活动考核计划（成员单位协商确定活动内容和频次）',
  action: 'alliance.manage',
  request: { params: QuotaParams, body: { content: { 'application/json': { schema: QuotaPlanPutSchema } }, required: true } },
  responses: { 200: { description: '已设置', content: { 'application/json': { schema: QuotaPlanViewSchema } } }, ...writeErrors },
});

export const setQuotaPlanRouter = createRouter().openapi(route, async (c) =>
  c.json(await setQuotaPlan({ ctx: serviceContext(c), input: { allianceId: c.req.valid('param').allianceId, ...c.req.valid('json') } }), 200),
);
