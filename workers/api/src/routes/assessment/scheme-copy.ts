import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { copyScheme } from '@ronghe/assessment';
import { SchemeCopySchema, SchemeIdParam, SchemeViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessment/schemes/{id}/copy',
  tags: ['考核评价'],
  summary: '复制指标体系到某年度（新的草稿，注明沿用来源）',
  action: 'assessment.scheme',
  request: { params: SchemeIdParam, body: { content: { 'application/json': { schema: SchemeCopySchema } }, required: true } },
  responses: { 201: { description: '新的指标体系草稿', content: { 'application/json': { schema: SchemeViewSchema } } }, ...writeErrors },
});

export const schemeCopyRouter = createRouter().openapi(route, async (c) => c.json(await copyScheme({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, year: c.req.valid('json').year } }), 201));
