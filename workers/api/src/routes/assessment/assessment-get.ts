import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { getAssessment } from '@ronghe/assessment';
import { AssessmentIdParam, AssessmentViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/assessment/assessments/{id}',
  tags: ['考核评价'],
  summary: '年度考核详情：各项指标的得分与依据',
  action: 'assessment.read',
  request: { params: AssessmentIdParam },
  responses: { 200: { description: '年度考核', content: { 'application/json': { schema: AssessmentViewSchema } } }, ...commonErrors },
});

export const assessmentGetRouter = createRouter().openapi(route, async (c) => c.json(await getAssessment({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));
