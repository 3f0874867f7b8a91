import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateProject } from '@ronghe/lists';
import { ProjectDetailSchema, ProjectUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader, ProjectParams, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/projects/{id}',
  tags: [TAG],
  summary: '修改项目（名称、内容、负责单位与负责人、经费、日期；验收或取消后不能修改）',
  action: 'project.manage',
  request: {
    params: ProjectParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: ProjectUpdateSchema } }, required: true },
  },
  responses: {
    200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...writeErrors,
  },
});

export const updateProjectRouter = createRouter().openapi(route, async (c) => {
  const p = await updateProject({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(p, 200, { ETag: etagOf(p.version) });
});
