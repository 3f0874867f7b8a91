import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { myActivities } from '@ronghe/activities';
import { MyActivitiesSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { MY_TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/my/activities',
  tags: [MY_TAG],
  summary: '我的活动：本支部（及上级党组织）参加的即将开展的活动，和我签到过的活动',
  action: 'activity.checkin',
  request: { params: TenantParam },
  responses: { 200: { description: '我的活动', content: { 'application/json': { schema: MyActivitiesSchema } } }, ...commonErrors },
});

export const myActivitiesRouter = createRouter().openapi(route, async (c) => c.json(await myActivities({ ctx: serviceContext(c) }), 200));
