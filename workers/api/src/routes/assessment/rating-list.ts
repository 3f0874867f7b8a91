import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { listRatings } from '@ronghe/assessment';
import { AssessmentRatingsSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { AssessmentParams } from './rating-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/assessments/{id}/ratings',
  tags: ['考核评价'],
  summary: '四评结果：各评价主体的人数、平均分与等次分布，每条评价及意见（党员、群众不署名），群众评判链接的使用情况',
  action: 'rating.read',
  request: { params: AssessmentParams },
  responses: { 200: { description: '四评结果', content: { 'application/json': { schema: AssessmentRatingsSchema } } }, ...commonErrors },
});

export const listRatingsRouter = createRouter().openapi(route, async (c) => c.json(await listRatings({ ctx: serviceContext(c), input: { assessmentId: c.req.valid('param').id } }), 200));
