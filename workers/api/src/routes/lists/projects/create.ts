import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createProject } from '@ronghe/lists';
import { ProjectCreateSchema, ProjectDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/projects',
  tags: [TAG],
  summary: '新建项目（可直接承接需求并锁定数量；经费合计为预算；节点计划）',
  action: 'project.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: ProjectCreateSchema } }, required: true } },
  responses: {
    201: { description: '项目已建立（待认领）', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...writeErrors,
  },
});

export const createProjectRouter = createRouter().openapi(route, async (c) => {
  const p = await createProject({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(p, 201, { ETag: etagOf(p.version) });
});
