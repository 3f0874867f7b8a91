import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportProjects } from '@ronghe/lists';
import { shanghaiDate } from '@ronghe/core';
import { ProjectListQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { TAG } from './params.ts';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/projects/export',
  tags: [TAG],
  summary: '导出项目清单 Excel（与列表相同的筛选条件；金额以元计，保留两位小数）',
  action: 'list.read',
  request: { params: TenantParam, query: ProjectListQuerySchema.omit({ cursor: true, limit: true }) },
  responses: {
    200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } },
    ...commonErrors,
  },
});

export const exportProjectsRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const bytes = await exportProjects({ ctx, input: c.req.valid('query') });
  return c.body(bytes, 200, {
    'content-type': XLSX,
    'content-disposition': attachment(`${ctx.tenant.name}项目清单_${shanghaiDate(ctx.clock.now())}.xlsx`),
  });
});
