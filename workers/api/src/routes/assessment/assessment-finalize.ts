import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { finalizeAssessment } from '@ronghe/assessment';
import { AssessmentIdParam, AssessmentViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessment/assessments/{id}/finalize',
  tags: ['考核评价'],
  summary: '年度考核定档：计算总分与等次，确定结果运用，报县、市备案；指标体系随之冻结',
  action: 'assessment.run',
  request: { params: AssessmentIdParam },
  responses: { 200: { description: '定档的年度考核', content: { 'application/json': { schema: AssessmentViewSchema } } }, ...writeErrors },
});

export const assessmentFinalizeRouter = createRouter().openapi(route, async (c) => c.json(await finalizeAssessment({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));
