import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { checkIn } from '@ronghe/activities';
import { CheckinCreateSchema, CheckinResultSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { MY_TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/my/checkins',
  tags: [MY_TAG],
  summary: '党员扫码或输入签到码签到（活动时段内；活动限定范围时须在活动地点附近）；重复签到返回原记录',
  action: 'activity.checkin',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: CheckinCreateSchema } }, required: true } },
  responses: {
    201: { description: '已签到', content: { 'application/json': { schema: CheckinResultSchema } } },
    200: { description: '此前已签到（不重复记录）', content: { 'application/json': { schema: CheckinResultSchema } } },
    ...writeErrors,
  },
});

export const checkinRouter = createRouter().openapi(route, async (c) => {
  const r = await checkIn({ ctx: serviceContext(c), input: c.req.valid('json') });
  return r.duplicate ? c.json(r, 200) : c.json(r, 201);
});
