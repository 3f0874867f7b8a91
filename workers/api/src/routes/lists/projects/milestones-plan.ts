import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { planMilestones } from '@ronghe/lists';
import { MilestonesInputSchema, ProjectDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader, ProjectParams, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/projects/{id}/milestones',
  tags: [TAG],
  summary: '调整节点计划（增、改、删节点与权重；项目进度按权重重新计算）',
  action: 'project.manage',
  request: {
    params: ProjectParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: MilestonesInputSchema } }, required: true },
  },
  responses: {
    200: { description: '节点计划已更新', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...writeErrors,
  },
});

export const planMilestonesRouter = createRouter().openapi(route, async (c) => {
  const p = await planMilestones({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), milestones: c.req.valid('json').milestones },
  });
  return c.json(p, 200, { ETag: etagOf(p.version) });
});
