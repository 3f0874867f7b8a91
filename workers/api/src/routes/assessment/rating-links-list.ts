import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { listRatingLinks } from '@ronghe/assessment';
import { RatingLinkListSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { AssessmentParams } from './rating-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/assessments/{id}/rating-links',
  tags: ['考核评价'],
  summary: '群众评判链接：签发、已用、过期、作废的数量与每个链接的状态（不含令牌）',
  action: 'rating.links',
  request: { params: AssessmentParams },
  responses: { 200: { description: '链接列表', content: { 'application/json': { schema: RatingLinkListSchema } } }, ...commonErrors },
});

export const listRatingLinksRouter = createRouter().openapi(route, async (c) => c.json(await listRatingLinks({ ctx: serviceContext(c), input: { assessmentId: c.req.valid('param').id } }), 200));
