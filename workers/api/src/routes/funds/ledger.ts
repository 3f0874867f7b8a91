import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { fundLedger } from '@ronghe/funds';
import { FundAllianceParam, FundLedgerQuerySchema, FundLedgerSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/funds/alliances/{id}/ledger',
  tags: [TAG],
  summary: '联合体经费明细账（某年，默认今年）：上年结转、逐笔明细及累计余额、本年合计（只增不改，更正为冲正记录）',
  action: 'fund.read',
  request: { params: FundAllianceParam, query: FundLedgerQuerySchema },
  responses: { 200: { description: '经费明细账', content: { 'application/json': { schema: FundLedgerSchema } } }, ...commonErrors },
});

export const fundLedgerRouter = createRouter().openapi(route, async (c) =>
  c.json(await fundLedger({ ctx: serviceContext(c), input: { allianceId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
);
