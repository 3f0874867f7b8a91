import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { addReportRecord } from '@ronghe/people';
import { ReportRecordCreateSchema, ReportRecordSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/report-records',
  tags: PAIRING_TAG,
  summary: '社区为报到的在职党员记实（服务日期、内容、时长）',
  action: 'report.record',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: ReportRecordCreateSchema } }, required: true } },
  responses: { 201: { description: '已记实', content: { 'application/json': { schema: ReportRecordSchema } } }, ...writeErrors },
});

export const addReportRecordRouter = createRouter().openapi(route, async (c) => c.json(await addReportRecord({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
