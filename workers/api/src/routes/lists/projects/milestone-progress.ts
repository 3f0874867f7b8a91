import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { progressMilestone } from '@ronghe/lists';
import { MilestoneProgressSchema, ProjectDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader, MilestoneParams, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/projects/{id}/milestones/{milestoneId}',
  tags: [TAG],
  summary: '填报节点进度（已确认的认领单位或联合体；100% 记录完成日期；If-Match 为项目的 ETag）',
  action: 'project.deliver',
  request: {
    params: MilestoneParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: MilestoneProgressSchema } }, required: true },
  },
  responses: {
    200: { description: '进度已更新', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...writeErrors,
  },
});

export const milestoneProgressRouter = createRouter().openapi(route, async (c) => {
  const params = c.req.valid('param');
  const body = c.req.valid('json');
  const p = await progressMilestone({
    ctx: serviceContext(c),
    input: { id: params.id, milestoneId: params.milestoneId, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), progressPct: body.progressPct, note: body.note },
  });
  return c.json(p, 200, { ETag: etagOf(p.version) });
});
