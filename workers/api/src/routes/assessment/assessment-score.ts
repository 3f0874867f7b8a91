import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { enterScore } from '@ronghe/assessment';
import { AssessmentScoreParam, AssessmentViewSchema, ScoreEntrySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/assessment/assessments/{id}/scores/{indicatorId}',
  tags: ['考核评价'],
  summary: '考核组录入指标评分（单位 0.01 分，不超过该指标满分）',
  action: 'assessment.run',
  request: { params: AssessmentScoreParam, body: { content: { 'application/json': { schema: ScoreEntrySchema } }, required: true } },
  responses: { 200: { description: '年度考核', content: { 'application/json': { schema: AssessmentViewSchema } } }, ...writeErrors },
});

export const assessmentScoreRouter = createRouter().openapi(route, async (c) => c.json(await enterScore({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, indicatorId: c.req.valid('param').indicatorId, entry: c.req.valid('json') } }), 200));
