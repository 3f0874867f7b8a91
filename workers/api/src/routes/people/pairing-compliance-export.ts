import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportPairingCompliance } from '@ronghe/people';
import { ComplianceExportQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { attachment } from '../../lib/xlsx.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/pairing/compliance/export',
  tags: PAIRING_TAG,
  summary: '导出双报到达标情况 Excel（单位、党员两张表，不含电话）',
  action: 'pairing.read',
  request: { params: TenantParam, query: ComplianceExportQuerySchema },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const exportPairingComplianceRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const { bytes, filename } = await exportPairingCompliance({ ctx, input: c.req.valid('query') });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`${ctx.tenant.name}${filename}`) });
});
