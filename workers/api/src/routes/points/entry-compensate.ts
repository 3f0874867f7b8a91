import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { compensateEntry } from '@ronghe/points';
import { CompensateSchema, PointEntryIdParam, PointEntrySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/points/entries/{id}/compensate',
  tags: ['积分'],
  summary: '冲正一条积分：记入一条分值相反的明细（须填写理由；每条只能冲正一次，原记录不变）',
  action: 'points.award',
  request: { params: PointEntryIdParam, body: { content: { 'application/json': { schema: CompensateSchema } }, required: true } },
  responses: { 201: { description: '冲正明细', content: { 'application/json': { schema: PointEntrySchema } } }, ...writeErrors },
});

export const compensateEntryRouter = createRouter().openapi(route, async (c) =>
  c.json(await compensateEntry({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, reason: c.req.valid('json').reason } }), 201),
);
