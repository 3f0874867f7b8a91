import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { decideStandardization } from '@ronghe/honours';
import { HonourIdParam, StandardizationAcceptSchema, StandardizationSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/standardizations/{id}/accept',
  tags: ['荣誉与示范'],
  summary: '区委组织部验收通过：该支部本年度达到标准化规范化（同步到党组织台账）',
  action: 'standardization.decide',
  request: { params: HonourIdParam, body: { content: { 'application/json': { schema: StandardizationAcceptSchema } }, required: true } },
  responses: { 200: { description: '验收通过的申请', content: { 'application/json': { schema: StandardizationSchema } } }, ...writeErrors },
});

export const acceptStandardizationRouter = createRouter().openapi(route, async (c) =>
  c.json(await decideStandardization({ ctx: serviceContext(c), id: c.req.valid('param').id, input: { accept: true, note: c.req.valid('json').note } }), 200),
);
