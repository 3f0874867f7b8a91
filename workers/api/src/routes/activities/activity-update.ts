import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateActivity } from '@ronghe/activities';
import { ActivityDetailSchema, ActivityUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { ActivityParams, ETagHeader, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/activities/{id}',
  tags: [TAG],
  summary: '修改活动，或标记为已开展、已取消（取消后不能再修改）',
  action: 'activity.manage',
  request: { params: ActivityParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: ActivityUpdateSchema } }, required: true } },
  responses: { 200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: ActivityDetailSchema } } }, ...writeErrors },
});

export const updateActivityRouter = createRouter().openapi(route, async (c) => {
  const a = await updateActivity({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') } });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
