import { commonErrors, createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { claimPost, logService, myPosts } from '@ronghe/people';
import { MyPostsViewSchema, PostClaimCreateSchema, ServiceLogCreateSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { MyClaimParams, MyPostParams, TAG } from './posts-params.ts';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const mine = { content: { 'application/json': { schema: MyPostsViewSchema } } };

const myRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/my/posts',
  tags: [TAG],
  summary: '我的岗位（我的领岗、服务记录和已确认的服务时长）',
  action: 'post.claim',
  request: { params: TenantParam },
  responses: { 200: { description: '我的岗位', ...mine }, ...commonErrors },
});
export const myPostsRouter = createRouter().openapi(myRoute, async (c) => c.json(await myPosts({ ctx: serviceContext(c) }), 200));

const claimRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/my/posts/{postId}/claims',
  tags: [TAG],
  summary: '领岗（本人，或与同支部、具备所需特长的队员共同领岗）',
  action: 'post.claim',
  request: { params: MyPostParams, body: json(PostClaimCreateSchema) },
  responses: { 201: { description: '已领岗，待设岗单位审核', ...mine }, ...writeErrors },
});
export const claimPostRouter = createRouter().openapi(claimRoute, async (c) => {
  const b = c.req.valid('json');
  return c.json(await claimPost({ ctx: serviceContext(c), input: { postId: c.req.valid('param').postId, teamIds: b.teamIds, note: b.note } }), 201);
});

const serviceRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/my/claims/{id}/service',
  tags: [TAG],
  summary: '登记服务（已同意的领岗；日期不晚于今天、不早于领岗日；一天合计不超过 24 小时）',
  action: 'post.claim',
  request: { params: MyClaimParams, body: json(ServiceLogCreateSchema) },
  responses: { 201: { description: '已登记，待设岗单位确认', ...mine }, ...writeErrors },
});
export const logServiceRouter = createRouter().openapi(serviceRoute, async (c) =>
  c.json(await logService({ ctx: serviceContext(c), input: { claimId: c.req.valid('param').id, ...c.req.valid('json') } }), 201),
);
