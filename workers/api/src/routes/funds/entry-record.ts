import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { recordFundEntry } from '@ronghe/funds';
import { FundAllianceParam, FundEntryCreateSchema, FundEntrySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/funds/alliances/{id}/entries',
  tags: [TAG],
  summary: '记一笔经费：收入（上级拨、各方筹、党费补、其他）或支出（可记到本联合体的项目上）；金额为分，日期不晚于今天',
  action: 'fund.record',
  request: { params: FundAllianceParam, body: { content: { 'application/json': { schema: FundEntryCreateSchema } }, required: true } },
  responses: { 201: { description: '记入的明细（余额为记入后的联合体余额）', content: { 'application/json': { schema: FundEntrySchema } } }, ...writeErrors },
});

export const recordFundEntryRouter = createRouter().openapi(route, async (c) =>
  c.json(await recordFundEntry({ ctx: serviceContext(c), input: { allianceId: c.req.valid('param').id, ...c.req.valid('json') } }), 201),
);
