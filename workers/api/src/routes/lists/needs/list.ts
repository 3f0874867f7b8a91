import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listNeeds } from '@ronghe/lists';
import { NeedListQuerySchema, NeedPageSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/needs',
  tags: ['需求清单'],
  summary: '需求清单（按联合体、状态、类别、来源、紧急程度、社区、提出单位、是否逾期筛选，搜索，游标分页，新登记的在前）',
  action: 'list.read',
  request: { params: TenantParam, query: NeedListQuerySchema },
  responses: { 200: { description: '一页需求', content: { 'application/json': { schema: NeedPageSchema } } }, ...commonErrors },
});

export const listNeedsRouter = createRouter().openapi(route, async (c) => c.json(await listNeeds({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
