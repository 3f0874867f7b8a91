import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { callContributions } from '@ronghe/funds';
import { ContributionCallResultSchema, ContributionCallSchema, FundAllianceParam } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/funds/alliances/{id}/contribution-calls',
  tags: [TAG],
  summary: '各方筹：按成员单位出资比例分摊一笔金额，每个成员记一笔收入（最大余数法，合计恰等于金额；比例之和不足或超过 10000 时按比例折算）',
  action: 'fund.record',
  request: { params: FundAllianceParam, body: { content: { 'application/json': { schema: ContributionCallSchema } }, required: true } },
  responses: { 201: { description: '各成员分摊金额及其明细', content: { 'application/json': { schema: ContributionCallResultSchema } } }, ...writeErrors },
});

export const contributionCallRouter = createRouter().openapi(route, async (c) =>
  c.json(await callContributions({ ctx: serviceContext(c), input: { allianceId: c.req.valid('param').id, ...c.req.valid('json') } }), 201),
);
