import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getProject } from '@ronghe/lists';
import { ProjectDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader, ProjectParams, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/projects/{id}',
  tags: [TAG],
  summary: '项目详情：节点与进度、认领、对接的需求与资源、督办记录、可执行操作',
  action: 'list.read',
  request: { params: ProjectParams },
  responses: {
    200: { description: '项目', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...commonErrors,
  },
});

export const getProjectRouter = createRouter().openapi(route, async (c) => {
  const p = await getProject({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(p, 200, { ETag: etagOf(p.version) });
});
