import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { reverseFundEntry } from '@ronghe/funds';
import { FundEntryIdParam, FundEntrySchema, FundReverseSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/funds/entries/{id}/reverse',
  tags: [TAG],
  summary: '冲正一笔经费：记入一条金额相反的明细（须填写理由；每笔只能冲正一次，冲正记录不能再冲正，原记录不变）',
  action: 'fund.record',
  request: { params: FundEntryIdParam, body: { content: { 'application/json': { schema: FundReverseSchema } }, required: true } },
  responses: { 201: { description: '冲正明细', content: { 'application/json': { schema: FundEntrySchema } } }, ...writeErrors },
});

export const reverseFundEntryRouter = createRouter().openapi(route, async (c) =>
  c.json(await reverseFundEntry({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, ...c.req.valid('json') } }), 201),
);
