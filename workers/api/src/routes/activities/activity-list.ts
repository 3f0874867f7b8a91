import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listActivities } from '@ronghe/activities';
import { ActivityListQuerySchema, ActivityPageSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/activities',
  tags: [TAG],
  summary: '联合体活动列表（按日期倒序；按联合体、类型、状态、日期范围筛选，分页）',
  action: 'activity.read',
  request: { params: TenantParam, query: ActivityListQuerySchema },
  responses: { 200: { description: '一页活动', content: { 'application/json': { schema: ActivityPageSchema } } }, ...commonErrors },
});

export const listActivitiesRouter = createRouter().openapi(route, async (c) => c.json(await listActivities({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
