import { z } from '@hono/zod-openapi';
import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { acknowledgeFiling } from '@ronghe/alliance';
import { FilingSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/filings/{id}/acknowledge',
  tags: ['备案'],
  summary: '旗县区委组织部签收备案（重复签收无副作用）',
  action: 'filing.ack',
  request: { params: TenantParam.extend({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '备案编号' }) }) },
  responses: { 200: { description: '已签收', content: { 'application/json': { schema: FilingSchema } } }, ...writeErrors },
});

export const acknowledgeFilingRouter = createRouter().openapi(route, async (c) => {
  return c.json(await acknowledgeFiling({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200);
});
