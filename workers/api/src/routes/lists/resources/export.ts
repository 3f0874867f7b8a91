import { shanghaiDate } from '@ronghe/core';
import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportResources } from '@ronghe/lists';
import { ResourceListQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/resources/export',
  tags: ['资源清单'],
  summary: '导出资源清单 Excel（与列表相同的筛选条件）',
  action: 'list.read',
  request: { params: TenantParam, query: ResourceListQuerySchema.omit({ cursor: true, limit: true }) },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const exportResourcesRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const bytes = await exportResources({ ctx, input: c.req.valid('query') });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`${ctx.tenant.name}资源清单_${shanghaiDate(ctx.clock.now())}.xlsx`) });
});
