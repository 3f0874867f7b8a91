import { createRouter, etagOf, tenantRoute, writeErrors } from '@ronghe/http';
import { recordAttendance } from '@ronghe/activities';
import { ActivityDetailSchema, AttendanceRecordSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { ActivityParams, ETagHeader, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/activities/{id}/attendance',
  tags: [TAG],
  summary: '补录参加人员（没有手机或未能扫码的党员；已签到的人不重复记录）',
  action: 'activity.manage',
  request: { params: ActivityParams, body: { content: { 'application/json': { schema: AttendanceRecordSchema } }, required: true } },
  responses: { 200: { description: '已补录', headers: ETagHeader, content: { 'application/json': { schema: ActivityDetailSchema } } }, ...writeErrors },
});

export const recordAttendanceRouter = createRouter().openapi(route, async (c) => {
  const a = await recordAttendance({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, personIds: c.req.valid('json').personIds } });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
