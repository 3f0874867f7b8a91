import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { withdrawClaim } from '@ronghe/lists';
import { ProjectDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ClaimParams, ETagHeader, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/projects/{id}/claims/{claimId}/withdraw',
  tags: [TAG],
  summary: '撤回认领（认领单位本身；已确认的认领只能在开始实施前撤回；If-Match 为项目的 ETag）',
  action: 'project.claim',
  request: { params: ClaimParams, headers: IfMatchHeader },
  responses: {
    200: { description: '已撤回', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...writeErrors,
  },
});

export const withdrawClaimRouter = createRouter().openapi(route, async (c) => {
  const params = c.req.valid('param');
  const p = await withdrawClaim({
    ctx: serviceContext(c),
    input: { id: params.id, claimId: params.claimId, expectedVersion: expectedVersion(c.req.valid('header')['if-match']) },
  });
  return c.json(p, 200, { ETag: etagOf(p.version) });
});
