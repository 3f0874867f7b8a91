import { createRoute } from '@hono/zod-openapi';
import { authorize, commonErrors, createRouter, TenantParam } from '@ronghe/http';
import { exportOrgs } from '@ronghe/registry';
import { OrgListQuerySchema } from '@ronghe/schema';
import { shanghaiDate } from '@ronghe/core';
import { serviceContext } from '../../lib/service-context.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function attachment(filename: string): string {
  // RFC 6266: an ASCII fallback plus the UTF-8 name Chinese users see.
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const route = createRoute({
  method: 'get',
  path: '/t/{tenant}/orgs/export',
  tags: ['党组织'],
  summary: '导出党组织 Excel（与列表相同的筛选条件）',
  'x-action': 'org.export',
  middleware: [authorize('org.export')] as const,
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
