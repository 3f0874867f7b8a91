import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { evaluateStandardization } from '@ronghe/honours';
import { HonourIdParam, StandardizationEvaluateSchema, StandardizationSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/standardizations/{id}/evaluate',
  tags: ['荣誉与示范'],
  summary: '街道（乡镇）党(工)委考评：录入四评（组织评定、党员评议、群众评判、社会评价）',
  action: 'standardization.evaluate',
  request: { params: HonourIdParam, body: { content: { 'application/json': { schema: StandardizationEvaluateSchema } }, required: true } },
  responses: { 200: { description: '已考评的申请', content: { 'application/json': { schema: StandardizationSchema } } }, ...writeErrors },
});

export const evaluateStandardizationRouter = createRouter().openapi(route, async (c) =>
  c.json(await evaluateStandardization({ ctx: serviceContext(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);
