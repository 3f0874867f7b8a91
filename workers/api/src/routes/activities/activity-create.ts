import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createActivity } from '@ronghe/activities';
import { ActivityCreateSchema, ActivityDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { ETagHeader, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/activities',
  tags: [TAG],
  summary: '登记联合体活动（生成签到码；联合体牵头党组织或旗县区委组织部）',
  action: 'activity.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: ActivityCreateSchema } }, required: true } },
  responses: { 201: { description: '已登记', headers: ETagHeader, content: { 'application/json': { schema: ActivityDetailSchema } } }, ...writeErrors },
});

export const createActivityRouter = createRouter().openapi(route, async (c) => {
  const a = await createActivity({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(a, 201, { ETag: etagOf(a.version) });
});
