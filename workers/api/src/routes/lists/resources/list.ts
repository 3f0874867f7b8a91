import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listResources } from '@ronghe/lists';
import { ResourceListQuerySchema, ResourcePageSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/resources',
  tags: ['资源清单'],
  summary: '资源清单（联合体内互相开放；按联合体、状态、类别、类型、提供单位、社区筛选，搜索，游标分页）',
  action: 'list.read',
  request: { params: TenantParam, query: ResourceListQuerySchema },
  responses: { 200: { description: '一页资源', content: { 'application/json': { schema: ResourcePageSchema } } }, ...commonErrors },
});

export const listResourcesRouter = createRouter().openapi(route, async (c) => c.json(await listResources({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
