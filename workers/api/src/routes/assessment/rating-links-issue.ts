import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { issueRatingLinks } from '@ronghe/assessment';
import { IssuedLinksSchema, IssueLinksSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { AssessmentParams } from './rating-params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessments/{id}/rating-links',
  tags: ['考核评价'],
  summary: '签发群众评判链接（每次 1–500 个，默认 30 天有效）：令牌只在此次返回中出现，系统只保存其摘要',
  action: 'rating.links',
  request: { params: AssessmentParams, body: { content: { 'application/json': { schema: IssueLinksSchema } }, required: true } },
  responses: { 201: { description: '签发的链接（令牌仅显示一次）', content: { 'application/json': { schema: IssuedLinksSchema } } }, ...writeErrors },
});

export const issueRatingLinksRouter = createRouter().openapi(route, async (c) =>
  c.json(await issueRatingLinks({ ctx: serviceContext(c), input: { ...c.req.valid('json'), assessmentId: c.req.valid('param').id } }), 201),
);
