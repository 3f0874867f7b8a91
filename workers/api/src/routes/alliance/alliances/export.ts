import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportAlliances } from '@ronghe/alliance';
import { shanghaiDate } from '@ronghe/core';
import { AllianceListQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/alliances/export',
  tags: ['党建联合体'],
  summary: '导出联合体 Excel（与列表相同的筛选条件）',
  action: 'alliance.read',
  request: { params: TenantParam, query: AllianceListQuerySchema.omit({ cursor: true, limit: true }) },
  responses: {
    200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } },
    ...commonErrors,
  },
});

export const exportAlliancesRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const bytes = await exportAlliances({ ctx, input: c.req.valid('query') });
  return c.body(bytes, 200, {
    'content-type': XLSX,
    'content-disposition': attachment(`${ctx.tenant.name}党建联合体_${shanghaiDate(ctx.clock.now())}.xlsx`),
  });
});
