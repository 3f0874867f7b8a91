import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listReportRecords } from '@ronghe/people';
import { ReportRecordListQuerySchema, ReportRecordPageSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/report-records',
  tags: PAIRING_TAG,
  summary: '在职党员服务社区记实档案',
  action: 'pairing.read',
  request: { params: TenantParam, query: ReportRecordListQuerySchema },
  responses: { 200: { description: '记实档案', content: { 'application/json': { schema: ReportRecordPageSchema } } }, ...commonErrors },
});

export const listReportRecordsRouter = createRouter().openapi(route, async (c) => c.json(await listReportRecords({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
