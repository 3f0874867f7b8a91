import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { decideClaim } from '@ronghe/lists';
import { ClaimDecisionSchema, ProjectDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ClaimParams, ETagHeader, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/projects/{id}/claims/{claimId}/decide',
  tags: [TAG],
  summary: '确认或谢绝认领（联合体；首个确认使待认领项目变为已认领；谢绝须说明理由；If-Match 为项目的 ETag）',
  action: 'project.manage',
  request: {
    params: ClaimParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: ClaimDecisionSchema } }, required: true },
  },
  responses: {
    200: { description: '已决定', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...writeErrors,
  },
});

export const decideClaimRouter = createRouter().openapi(route, async (c) => {
  const params = c.req.valid('param');
  const body = c.req.valid('json');
  const p = await decideClaim({
    ctx: serviceContext(c),
    input: { id: params.id, claimId: params.claimId, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), decision: body.decision, note: body.note },
  });
  return c.json(p, 200, { ETag: etagOf(p.version) });
});
