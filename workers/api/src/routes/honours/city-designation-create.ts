import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { designateStrongest } from '@ronghe/honours';
import { DesignateSchema, DesignationSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/city/designations',
  tags: ['荣誉与示范'],
  summary: '市委组织部评定市级"最强党支部"（逐条核验，不符合的规则写明拒绝理由）',
  action: 'honour.city',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: DesignateSchema } }, required: true } },
  responses: { 201: { description: '评定', content: { 'application/json': { schema: DesignationSchema } } }, ...writeErrors },
});

export const designateCityRouter = createRouter().openapi(route, async (c) => c.json(await designateStrongest({ ctx: serviceContext(c), level: 'city', input: c.req.valid('json') }), 201));
