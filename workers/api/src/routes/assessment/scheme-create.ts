import { TenantParam, createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { createScheme } from '@ronghe/assessment';
import { SchemeCreateSchema, SchemeViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessment/schemes',
  tags: ['考核评价'],
  summary: '新建指标体系（草稿）：各项指标权重之和须为 100%',
  action: 'assessment.scheme',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: SchemeCreateSchema } }, required: true } },
  responses: { 201: { description: '新建的指标体系', content: { 'application/json': { schema: SchemeViewSchema } } }, ...writeErrors },
});

export const schemeCreateRouter = createRouter().openapi(route, async (c) => c.json(await createScheme({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
