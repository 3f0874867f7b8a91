import { TenantParam, commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { listAssessments } from '@ronghe/assessment';
import { AssessmentListQuery, AssessmentListSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/assessment/assessments',
  tags: ['考核评价'],
  summary: '某年度的联合体考核（可按等次、状态筛选）及等次分布',
  action: 'assessment.read',
  request: { params: TenantParam, query: AssessmentListQuery },
  responses: { 200: { description: '年度考核列表', content: { 'application/json': { schema: AssessmentListSchema } } }, ...commonErrors },
});

export const assessmentListRouter = createRouter().openapi(route, async (c) => c.json(await listAssessments({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
