import { shanghaiDate } from '@ronghe/core';
import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportNeeds } from '@ronghe/lists';
import { NeedListQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/needs/export',
  tags: ['需求清单'],
  summary: '导出需求清单 Excel（与列表相同的筛选条件）',
  action: 'list.read',
  request: { params: TenantParam, query: NeedListQuerySchema.omit({ cursor: true, limit: true }) },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const exportNeedsRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const bytes = await exportNeeds({ ctx, input: c.req.valid('query') });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`${ctx.tenant.name}需求清单_${shanghaiDate(ctx.clock.now())}.xlsx`) });
});
