import { TenantParam, createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { openAssessment } from '@ronghe/assessment';
import { AssessmentOpenSchema, AssessmentViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/assessment/assessments',
  tags: ['考核评价'],
  summary: '开启联合体年度考核（批准设立的党（工）委或旗县区委组织部；每个联合体每年一次）：系统计算指标预填',
  action: 'assessment.run',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: AssessmentOpenSchema } }, required: true } },
  responses: { 201: { description: '年度考核', content: { 'application/json': { schema: AssessmentViewSchema } } }, ...writeErrors },
});

export const assessmentOpenRouter = createRouter().openapi(route, async (c) => c.json(await openAssessment({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
