import { commonErrors, createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createMeeting, getMeeting, getMeetingCompliance, listMeetings } from '@ronghe/activities';
import { MeetingCompliancePageSchema, MeetingComplianceQuerySchema, MeetingCreateSchema, MeetingListQuerySchema, MeetingPageSchema, MeetingSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { MeetingParams, TAG } from './meeting-params.ts';

const listRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/meetings',
  tags: [TAG],
  summary: '联席会议（工作例会）记录，最新在前；可按联合体、年度筛选',
  action: 'meeting.read',
  request: { params: TenantParam, query: MeetingListQuerySchema },
  responses: { 200: { description: '会议', content: { 'application/json': { schema: MeetingPageSchema } } }, ...commonErrors },
});

const createRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/meetings',
  tags: [TAG],
  summary: '登记联席会议：议题、参会单位和人员、纪要、决定事项（责任单位须为现有成员单位，办结期限不早于会议日期）；联合体须在运行中',
  action: 'meeting.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: MeetingCreateSchema } }, required: true } },
  responses: { 201: { description: '已登记', content: { 'application/json': { schema: MeetingSchema } } }, ...writeErrors },
});

const complianceRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/meetings/compliance',
  tags: [TAG],
  summary: '各运行中联合体联席会议按季度召开情况（已结束的季度没有会议即为缺会）',
  action: 'meeting.read',
  request: { params: TenantParam, query: MeetingComplianceQuerySchema },
  responses: { 200: { description: '召开情况', content: { 'application/json': { schema: MeetingCompliancePageSchema } } }, ...commonErrors },
});

const getRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/meetings/{id}',
  tags: [TAG],
  summary: '一次联席会议及其决定事项（含督办预警）',
  action: 'meeting.read',
  request: { params: MeetingParams },
  responses: { 200: { description: '会议', content: { 'application/json': { schema: MeetingSchema } } }, ...commonErrors },
});

export const listMeetingsRouter = createRouter().openapi(listRoute, async (c) => c.json(await listMeetings({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
export const createMeetingRouter = createRouter().openapi(createRoute, async (c) => c.json(await createMeeting({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
export const meetingComplianceRouter = createRouter().openapi(complianceRoute, async (c) => c.json(await getMeetingCompliance({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
export const getMeetingRouter = createRouter().openapi(getRoute, async (c) => c.json(await getMeeting({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));
