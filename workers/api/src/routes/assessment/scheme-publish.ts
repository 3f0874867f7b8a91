import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { publishScheme } from '@ronghe/assessment';
import { SchemeIdParam, SchemeViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessment/schemes/{id}/publish',
  tags: ['考核评价'],
  summary: '发布指标体系：发布后可用于年度考核，不再修改',
  action: 'assessment.scheme',
  request: { params: SchemeIdParam },
  responses: { 200: { description: '已发布的指标体系', content: { 'application/json': { schema: SchemeViewSchema } } }, ...writeErrors },
});

export const schemePublishRouter = createRouter().openapi(route, async (c) => c.json(await publishScheme({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));
