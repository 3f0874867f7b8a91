import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportOrgs } from '@ronghe/registry';
import { OrgListQuerySchema } from '@ronghe/schema';
import { shanghaiDate } from '@ronghe/core';
import { serviceContext } from '../../../lib/service-context.ts';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/orgs/export',
  tags: ['党组织'],
  summary: '导出党组织 Excel（与列表相同的筛选条件）',
  action: 'org.export',
  request: { params: TenantParam, query: OrgListQuerySchema.omit({ cursor: true, limit: true }) },
  responses: {
    200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } },
    ...commonErrors,
  },
});

export const exportOrgsRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const bytes = await exportOrgs({ ctx, input: c.req.valid('query') });
  return c.body(bytes, 200, {
    'content-type': XLSX,
    'content-disposition': attachment(`${ctx.tenant.name}党组织_${shanghaiDate(ctx.clock.now())}.xlsx`),
  });
});
