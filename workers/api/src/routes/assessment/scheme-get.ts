import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { getScheme } from '@ronghe/assessment';
import { SchemeIdParam, SchemeViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/assessment/schemes/{id}',
  tags: ['考核评价'],
  summary: '指标体系详情',
  action: 'assessment.read',
  request: { params: SchemeIdParam },
  responses: { 200: { description: '指标体系', content: { 'application/json': { schema: SchemeViewSchema } } }, ...commonErrors },
});

export const schemeGetRouter = createRouter().openapi(route, async (c) => c.json(await getScheme({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));
