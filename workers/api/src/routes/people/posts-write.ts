import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createPost, decideClaim, decideService, updatePost } from '@ronghe/people';
import { PostClaimDecisionSchema, PostCreateSchema, PostUpdateSchema, PostViewSchema, PostWorkViewSchema, ServiceDecisionSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PostClaimParams, PostParams, PostServiceParams, TAG } from './posts-params.ts';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

const createRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/posts',
  tags: [TAG],
  summary: '设岗定责（社区或联合体设立岗位：职责、人数、期限、所需特长）',
  action: 'post.manage',
  request: { params: TenantParam, body: json(PostCreateSchema) },
  responses: { 201: { description: '已设岗', content: { 'application/json': { schema: PostViewSchema } } }, ...writeErrors },
});
export const createPostRouter = createRouter().openapi(createRoute, async (c) => c.json(await createPost({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));

const updateRoute = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/posts/{id}',
  tags: [TAG],
  summary: '修改岗位或关闭/重新开放（人数不能少于已领岗人数）',
  action: 'post.manage',
  request: { params: PostParams, body: json(PostUpdateSchema) },
  responses: { 200: { description: '已修改', content: { 'application/json': { schema: PostViewSchema } } }, ...writeErrors },
});
export const updatePostRouter = createRouter().openapi(updateRoute, async (c) =>
  c.json(await updatePost({ ctx: serviceContext(c), input: { ...c.req.valid('json'), id: c.req.valid('param').id } }), 200),
);

const decideClaimRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/posts/{id}/claims/{claimId}/decide',
  tags: [TAG],
  summary: '同意或不同意领岗（设岗单位；不同意须说明理由，名额退回）',
  action: 'post.decide',
  request: { params: PostClaimParams, body: json(PostClaimDecisionSchema) },
  responses: { 200: { description: '已决定', content: { 'application/json': { schema: PostWorkViewSchema } } }, ...writeErrors },
});
export const decidePostClaimRouter = createRouter().openapi(decideClaimRoute, async (c) => {
  const p = c.req.valid('param');
  const b = c.req.valid('json');
  return c.json(await decideClaim({ ctx: serviceContext(c), input: { postId: p.id, claimId: p.claimId, decision: b.decision, reason: b.reason } }), 200);
});

const decideServiceRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/posts/{id}/service-logs/{logId}/decide',
  tags: [TAG],
  summary: '确认或不予确认服务记录（设岗单位；重复确认不重复记录；不予确认须说明理由）',
  action: 'post.decide',
  request: { params: PostServiceParams, body: json(ServiceDecisionSchema) },
  responses: { 200: { description: '已决定', content: { 'application/json': { schema: PostWorkViewSchema } } }, ...writeErrors },
});
export const decideServiceRouter = createRouter().openapi(decideServiceRoute, async (c) => {
  const p = c.req.valid('param');
  const b = c.req.valid('json');
  return c.json(await decideService({ ctx: serviceContext(c), input: { postId: p.id, serviceLogId: p.logId, decision: b.decision, reason: b.reason } }), 200);
});
