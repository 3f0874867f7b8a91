import { createRouter, etagOf, tenantRoute, writeErrors } from '@ronghe/http';
import { createClaim } from '@ronghe/lists';
import { ClaimCreateSchema, ProjectDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader, ProjectParams, TAG } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/projects/{id}/claims',
  tags: [TAG],
  summary: '认领项目（成员单位联络员或书记以本单位名义；每个单位一条有效认领；多个单位可共同承担）',
  action: 'project.claim',
  request: { params: ProjectParams, body: { content: { 'application/json': { schema: ClaimCreateSchema } }, required: true } },
  responses: {
    201: { description: '已提交认领，待联合体确认', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...writeErrors,
  },
});

export const createClaimRouter = createRouter().openapi(route, async (c) => {
  const body = c.req.valid('json');
  const p = await createClaim({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, orgId: body.orgId, note: body.note } });
  return c.json(p, 201, { ETag: etagOf(p.version) });
});
