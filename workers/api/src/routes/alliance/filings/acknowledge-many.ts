import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { acknowledgeFilings } from '@ronghe/alliance';
import { FilingAcknowledgeManyResultSchema, FilingAcknowledgeManySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/filings/acknowledge',
  tags: ['备案'],
  summary: '批量标记备案已阅（至多 100 件；已阅的不重复签收）',
  action: 'filing.ack',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: FilingAcknowledgeManySchema } }, required: true } },
  responses: { 200: { description: '已标记', content: { 'application/json': { schema: FilingAcknowledgeManyResultSchema } } }, ...writeErrors },
});

export const acknowledgeFilingsRouter = createRouter().openapi(route, async (c) => {
  return c.json(await acknowledgeFilings({ ctx: serviceContext(c), input: c.req.valid('json') }), 200);
});
