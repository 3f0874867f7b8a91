import { z } from '@hono/zod-openapi';
import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { revokeRatingLinks } from '@ronghe/assessment';
import { RevokeLinksSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { AssessmentParams } from './rating-params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessments/{id}/rating-links/revoke',
  tags: ['考核评价'],
  summary: '作废未使用的群众评判链接（指定的链接，或不指定时全部未使用的链接）',
  action: 'rating.links',
  request: { params: AssessmentParams, body: { content: { 'application/json': { schema: RevokeLinksSchema } }, required: true } },
  responses: { 200: { description: '作废的链接数', content: { 'application/json': { schema: z.object({ revoked: z.number().int() }) } } }, ...writeErrors },
});

export const revokeRatingLinksRouter = createRouter().openapi(route, async (c) =>
  c.json(await revokeRatingLinks({ ctx: serviceContext(c), input: { ...c.req.valid('json'), assessmentId: c.req.valid('param').id } }), 200),
);
