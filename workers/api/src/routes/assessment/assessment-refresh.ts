import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { refreshAssessment } from '@ronghe/assessment';
import { AssessmentIdParam, AssessmentViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessment/assessments/{id}/refresh',
  tags: ['考核评价'],
  summary: '重新计算系统指标与评议得分（考核中）',
  action: 'assessment.run',
  request: { params: AssessmentIdParam },
  responses: { 200: { description: '年度考核', content: { 'application/json': { schema: AssessmentViewSchema } } }, ...writeErrors },
});

export const assessmentRefreshRouter = createRouter().openapi(route, async (c) => c.json(await refreshAssessment({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));
