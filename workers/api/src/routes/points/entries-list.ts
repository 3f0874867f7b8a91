import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listPointEntries } from '@ronghe/points';
import { PointEntryListQuerySchema, PointEntryListSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/points/entries',
  tags: ['积分'],
  summary: '积分明细（只增不改：更正为冲正记录），最新在前，可按年、月、人员、规则、类型筛选',
  action: 'points.read',
  request: { params: TenantParam, query: PointEntryListQuerySchema },
  responses: { 200: { description: '一页积分明细', content: { 'application/json': { schema: PointEntryListSchema } } }, ...commonErrors },
});

export const listPointEntriesRouter = createRouter().openapi(route, async (c) => c.json(await listPointEntries({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
