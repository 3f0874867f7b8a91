import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { getPost, listPosts, postWork } from '@ronghe/people';
import { PostListQuerySchema, PostPageSchema, PostViewSchema, PostWorkViewSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PostParams, TAG } from './posts-params.ts';

const listRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/posts',
  tags: [TAG],
  summary: '岗位列表（open=1：可领的岗位，党员在手机上浏览）',
  action: 'post.read',
  request: { params: TenantParam, query: PostListQuerySchema },
  responses: { 200: { description: '岗位', content: { 'application/json': { schema: PostPageSchema } } }, ...commonErrors },
});
export const listPostsRouter = createRouter().openapi(listRoute, async (c) => c.json(await listPosts({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));

const getRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/posts/{id}',
  tags: [TAG],
  summary: '岗位详情',
  action: 'post.read',
  request: { params: PostParams },
  responses: { 200: { description: '岗位', content: { 'application/json': { schema: PostViewSchema } } }, ...commonErrors },
});
export const getPostRouter = createRouter().openapi(getRoute, async (c) => c.json(await getPost({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));

const workRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/posts/{id}/claims',
  tags: [TAG],
  summary: '岗位的领岗申请和服务记录（设岗单位审核、确认用）',
  action: 'post.decide',
  request: { params: PostParams },
  responses: { 200: { description: '领岗和服务记录', content: { 'application/json': { schema: PostWorkViewSchema } } }, ...commonErrors },
});
export const postWorkRouter = createRouter().openapi(workRoute, async (c) => c.json(await postWork({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));
