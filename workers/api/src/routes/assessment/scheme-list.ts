import { TenantParam, commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { listSchemes } from '@ronghe/assessment';
import { SchemeListQuery, SchemeListSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/assessment/schemes',
  tags: ['考核评价'],
  summary: '指标体系列表（某年度或全部，含各项指标）',
  action: 'assessment.read',
  request: { params: TenantParam, query: SchemeListQuery },
  responses: { 200: { description: '指标体系', content: { 'application/json': { schema: SchemeListSchema } } }, ...commonErrors },
});

export const schemeListRouter = createRouter().openapi(route, async (c) => c.json(await listSchemes({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
