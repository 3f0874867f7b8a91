import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { projectBoard } from '@ronghe/lists';
import { ProjectBoardQuerySchema, ProjectBoardSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/projects/board',
  tags: [TAG],
  summary: '项目看板：各状态列（待认领、已认领、实施中、已完成、已验收）的第一页与总数，筛选同项目列表；列的下一页用项目列表加 status 与 cursor',
  action: 'list.read',
  request: { params: TenantParam, query: ProjectBoardQuerySchema },
  responses: { 200: { description: '看板各列', content: { 'application/json': { schema: ProjectBoardSchema } } }, ...commonErrors },
});

export const projectBoardRouter = createRouter().openapi(route, async (c) => {
  return c.json(await projectBoard({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
});
