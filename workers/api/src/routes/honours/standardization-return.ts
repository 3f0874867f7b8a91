import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { decideStandardization } from '@ronghe/honours';
import { HonourIdParam, ReasonSchema, StandardizationSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/standardizations/{id}/return',
  tags: ['荣誉与示范'],
  summary: '区委组织部验收不通过，退回（须填写理由；支部可重新申请）',
  action: 'standardization.decide',
  request: { params: HonourIdParam, body: { content: { 'application/json': { schema: ReasonSchema } }, required: true } },
  responses: { 200: { description: '退回的申请', content: { 'application/json': { schema: StandardizationSchema } } }, ...writeErrors },
});

export const returnStandardizationRouter = createRouter().openapi(route, async (c) =>
  c.json(await decideStandardization({ ctx: serviceContext(c), id: c.req.valid('param').id, input: { accept: false, reason: c.req.valid('json').reason } }), 200),
);
