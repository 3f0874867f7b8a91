import { TenantParam, createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { createDefaultScheme } from '@ronghe/assessment';
import { SchemeDefaultSchema, SchemeViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessment/schemes/default',
  tags: ['考核评价'],
  summary: '按默认指标创建某年度的旗县区级指标体系（草稿）',
  action: 'assessment.scheme',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: SchemeDefaultSchema } }, required: true } },
  responses: { 201: { description: '新建的指标体系', content: { 'application/json': { schema: SchemeViewSchema } } }, ...writeErrors },
});

export const schemeDefaultRouter = createRouter().openapi(route, async (c) => c.json(await createDefaultScheme({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
