import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { fundSummary } from '@ronghe/funds';
import { FundSummarySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/funds/summary',
  tags: [TAG],
  summary: '全旗县区联合体经费汇总：各联合体按来源的收入、支出、余额及合计（金额单位：分）',
  action: 'fund.summary',
  request: { params: TenantParam },
  responses: { 200: { description: '经费汇总', content: { 'application/json': { schema: FundSummarySchema } } }, ...commonErrors },
});

export const fundSummaryRouter = createRouter().openapi(route, async (c) => c.json(await fundSummary({ ctx: serviceContext(c) }), 200));
