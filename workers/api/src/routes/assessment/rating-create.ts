import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { rateAssessment } from '@ronghe/assessment';
import { RatingEntrySchema, RatingSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { AssessmentParams } from './rating-params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessments/{id}/ratings',
  tags: ['考核评价'],
  summary: '录入评价：组织评定（党（工）委委员本人）、社会评价（部门名称）、成员单位评价（成员单位联络员）；每个评价主体只能评价一次，考核完成后不再接受',
  action: 'rating.committee',
  alsoAllowed: ['rating.department', 'rating.member_org'],
  request: { params: AssessmentParams, body: { content: { 'application/json': { schema: RatingEntrySchema } }, required: true } },
  responses: { 201: { description: '记入的评价', content: { 'application/json': { schema: RatingSchema } } }, ...writeErrors },
});

export const rateAssessmentRouter = createRouter().openapi(route, async (c) =>
  c.json(await rateAssessment({ ctx: serviceContext(c), input: { ...c.req.valid('json'), assessmentId: c.req.valid('param').id } }), 201),
);
