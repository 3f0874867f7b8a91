import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { fundBalance } from '@ronghe/funds';
import { FundAllianceParam, FundBalanceSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/funds/alliances/{id}/balance',
  tags: [TAG],
  summary: '联合体经费余额（收入 − 支出）及按来源的收入，逐个项目的预算与已支出对账（超支标出）',
  action: 'fund.read',
  request: { params: FundAllianceParam },
  responses: { 200: { description: '余额与项目对账', content: { 'application/json': { schema: FundBalanceSchema } } }, ...commonErrors },
});

export const fundBalanceRouter = createRouter().openapi(route, async (c) => c.json(await fundBalance({ ctx: serviceContext(c), input: { allianceId: c.req.valid('param').id } }), 200));
