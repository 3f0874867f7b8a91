import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { rejectMatch } from '@ronghe/lists';
import { RejectMatchSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/matching/reject',
  tags: ['需求对接'],
  summary: '拒绝一条对接建议（此后不再推荐该资源给该需求）',
  action: 'match.accept',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: RejectMatchSchema } }, required: true } },
  responses: { 204: { description: '已拒绝' }, ...writeErrors },
});

export const rejectMatchRouter = createRouter().openapi(route, async (c) => {
  await rejectMatch({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.body(null, 204);
});
