import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { rateAsMember } from '@ronghe/assessment';
import { MemberRatingSchema, RatingSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { MyAssessmentParams } from './rating-params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/my/ratings/{assessmentId}',
  tags: ['考核评价'],
  summary: '党员评议：对本人所在党组织参加的联合体作出评价（每人一次）',
  action: 'rating.self',
  request: { params: MyAssessmentParams, body: { content: { 'application/json': { schema: MemberRatingSchema } }, required: true } },
  responses: { 201: { description: '记入的评价', content: { 'application/json': { schema: RatingSchema } } }, ...writeErrors },
});

export const rateAsMemberRouter = createRouter().openapi(route, async (c) =>
  c.json(await rateAsMember({ ctx: serviceContext(c), input: { ...c.req.valid('json'), assessmentId: c.req.valid('param').assessmentId } }), 201),
);
