import { commonErrors, createRouter, etagOf, expectedVersion, IfMatchHeader, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { completeDecision, listDecisions } from '@ronghe/activities';
import { DecisionCompleteSchema, DecisionListQuerySchema, DecisionPageSchema, MeetingDecisionSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { DecisionETag, DecisionParams, TAG } from './meeting-params.ts';

const listRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/meeting-decisions',
  tags: [TAG],
  summary: '联席会议决定事项及督办预警（逾期为红色并提请批准联合体的上级党(工)委督办；7 天内到期为黄色）',
  action: 'meeting.read',
  request: { params: TenantParam, query: DecisionListQuerySchema },
  responses: { 200: { description: '决定事项', content: { 'application/json': { schema: DecisionPageSchema } } }, ...commonErrors },
});

const completeRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/meeting-decisions/{id}/complete',
  tags: [TAG],
  summary: '办结决定事项（责任单位联络员或书记、联合体管理员）：记录办结说明和办结人；已办结的返回 409',
  action: 'meeting.decision_complete',
  request: { params: DecisionParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: DecisionCompleteSchema } }, required: true } },
  responses: { 200: { description: '已办结', headers: DecisionETag, content: { 'application/json': { schema: MeetingDecisionSchema } } }, ...writeErrors },
});

export const listDecisionsRouter = createRouter().openapi(listRoute, async (c) => c.json(await listDecisions({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
export const completeDecisionRouter = createRouter().openapi(completeRoute, async (c) => {
  const d = await completeDecision({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, note: c.req.valid('json').note, version: expectedVersion(c.req.valid('header')['if-match']) },
  });
  return c.json(d, 200, { ETag: etagOf(d.version) });
});
