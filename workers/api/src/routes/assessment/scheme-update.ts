import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { updateScheme } from '@ronghe/assessment';
import { SchemeIdParam, SchemeUpdateSchema, SchemeViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/assessment/schemes/{id}',
  tags: ['考核评价'],
  summary: '修改指标体系草稿（名称、分档线、全部指标）；已发布或已冻结的不能修改',
  action: 'assessment.scheme',
  request: { params: SchemeIdParam, body: { content: { 'application/json': { schema: SchemeUpdateSchema } }, required: true } },
  responses: { 200: { description: '修改后的指标体系', content: { 'application/json': { schema: SchemeViewSchema } } }, ...writeErrors },
});

export const schemeUpdateRouter = createRouter().openapi(route, async (c) => c.json(await updateScheme({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, scheme: c.req.valid('json') } }), 200));
