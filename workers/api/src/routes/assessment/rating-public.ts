import { createRoute, z } from '@hono/zod-openapi';
import { answerByLink, publicRatingForm, RESIDENT_ACTOR, tenantOfToken } from '@ronghe/assessment';
import { AppError, openDb, type Ctx } from '@ronghe/core';
import { bodyLimit, createRouter, ProblemSchema, type AppEnv } from '@ronghe/http';
import { PublicRatingFormSchema, ResidentAnswerSchema } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import type { Context } from 'hono';
import { TokenParam } from './rating-params.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
const publicErrors = {
  400: problem('请求格式错误'),
  404: problem('评议链接无效'),
  409: problem('该考核已完成评定，不再接受评价'),
  410: problem('评议链接已使用、已过期或已作废（reason: used / expired / revoked）'),
  413: problem('请求体过大'),
  422: problem('字段校验失败'),
} as const;

/**
 * 群众评判 without login: the token names its county (see the assessment
 * package's tokens.ts), so the handler opens that county's database with no
 * session; the actor is the resident (audited as 群众, holding no role).
 */
function residentContext(c: Context<AppEnv>, token: string): Ctx {
  const slug = tenantOfToken(token);
  const tenant = slug ? findTenant(slug) : undefined;
  if (!tenant || tenant.kind !== 'county') throw new AppError('not_found', '评议链接无效，请核对链接或二维码');
  const d1 = c.env[tenant.binding] as D1Database | undefined;
  if (!d1) throw new Error(`binding ${tenant.binding} missing from wrangler.toml`);
  return {
    db: openDb(d1),
    tenant: { slug: tenant.slug, code: tenant.code, name: tenant.name, kind: tenant.kind },
    actor: { userId: RESIDENT_ACTOR.id, displayName: RESIDENT_ACTOR.name, grants: [] },
    clock: c.get('clock'),
    requestId: c.get('requestId'),
  };
}

export const formRoute = createRoute({
  method: 'get',
  path: '/public/ratings/{token}',
  tags: ['群众评判'],
  summary: '群众评判（无需登录）：链接对应的旗县区、联合体名称、年度与问题',
  'x-action': 'public',
  security: [],
  request: { params: TokenParam },
  responses: { 200: { description: '评议问卷', content: { 'application/json': { schema: PublicRatingFormSchema } } }, ...publicErrors },
});

export const answerRoute = createRoute({
  method: 'post',
  path: '/public/ratings/{token}',
  tags: ['群众评判'],
  summary: '群众评判（无需登录）：提交一次评价，每个链接只能使用一次',
  'x-action': 'public',
  security: [],
  middleware: [bodyLimit('json')] as const,
  request: { params: TokenParam, body: { content: { 'application/json': { schema: ResidentAnswerSchema } }, required: true } },
  responses: { 201: { description: '已记入', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } }, ...publicErrors },
});

export const publicRatingFormRouter = createRouter().openapi(formRoute, async (c) => {
  const { token } = c.req.valid('param');
  return c.json(await publicRatingForm({ ctx: residentContext(c, token), input: { token } }), 200);
});
export const publicRatingAnswerRouter = createRouter().openapi(answerRoute, async (c) => {
  const { token } = c.req.valid('param');
  return c.json(await answerByLink({ ctx: residentContext(c, token), input: { ...c.req.valid('json'), token } }), 201);
});
