import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { runAssignment } from '@ronghe/lists';
import { AssignmentRequestSchema, AssignmentResponseSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/matching/assignment',
  tags: ['需求对接'],
  summary: '一键最优匹配：在紧急程度加权的满足量最大的前提下成本最低（精确求解，只计算不保存；默认不含已逾期的需求；合计按计量单位分别给出）',
  action: 'match.run',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: AssignmentRequestSchema } }, required: true } },
  responses: { 200: { description: '匹配方案', content: { 'application/json': { schema: AssignmentResponseSchema } } }, ...writeErrors },
});

export const assignmentRouter = createRouter().openapi(route, async (c) =>
  c.json(await runAssignment({ ctx: serviceContext(c), input: c.req.valid('json') }), 200),
);
