import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listProjects } from '@ronghe/lists';
import { ProjectListQuerySchema, ProjectPageSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/projects',
  tags: [TAG],
  summary: '项目列表（按联合体、状态、预警、认领单位、是否逾期筛选，搜索，游标分页）',
  action: 'list.read',
  request: { params: TenantParam, query: ProjectListQuerySchema },
  responses: { 200: { description: '一页项目', content: { 'application/json': { schema: ProjectPageSchema } } }, ...commonErrors },
});

export const listProjectsRouter = createRouter().openapi(route, async (c) => {
  return c.json(await listProjects({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
});
