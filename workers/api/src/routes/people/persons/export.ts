import { shanghaiDate } from '@ronghe/core';
import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportPeople } from '@ronghe/people';
import { PersonListQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { attachment } from '../../../lib/xlsx.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/people/export',
  tags: ['人员'],
  summary: '导出人员 Excel（与列表相同的筛选条件；无权查看个人信息时打码）',
  action: 'person.export',
  request: { params: TenantParam, query: PersonListQuerySchema.omit({ cursor: true, limit: true }) },
  responses: {
    200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } },
    ...commonErrors,
  },
});

export const exportPeopleRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const bytes = await exportPeople({ ctx, input: c.req.valid('query') });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`${ctx.tenant.name}人员_${shanghaiDate(ctx.clock.now())}.xlsx`) });
});
