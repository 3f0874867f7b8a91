import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getActivity } from '@ronghe/activities';
import { ActivityDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { ActivityParams, ETagHeader, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/activities/{id}',
  tags: [TAG],
  summary: '活动详情（签到码、签到时段、参加人员）',
  action: 'activity.read',
  request: { params: ActivityParams },
  responses: { 200: { description: '活动', headers: ETagHeader, content: { 'application/json': { schema: ActivityDetailSchema } } }, ...commonErrors },
});

export const getActivityRouter = createRouter().openapi(route, async (c) => {
  const a = await getActivity({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
