import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { applyStandardization } from '@ronghe/honours';
import { StandardizationApplySchema, StandardizationSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/standardizations',
  tags: ['荣誉与示范'],
  summary: '党支部申请标准化规范化考评（附自评情况；每支部每年度一份有效申请）',
  action: 'standardization.apply',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: StandardizationApplySchema } }, required: true } },
  responses: { 201: { description: '申请', content: { 'application/json': { schema: StandardizationSchema } } }, ...writeErrors },
});

export const applyStandardizationRouter = createRouter().openapi(route, async (c) => c.json(await applyStandardization({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
