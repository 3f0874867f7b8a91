import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { AppError } from '@ronghe/core';
import { hitRateLimits, login, RATE_LIMITS, rateLimitHeaders } from '@ronghe/identity';
import { bodyLimit, commonErrors, createRouter, ProblemSchema, renderProblem, type AppEnv } from '@ronghe/http';
import { GrantSchema } from './schemas.ts';

const LoginBody = z
  .object({
    username: z.string().trim().min(1, { message: '请输入用户名' }).max(64, { message: '用户名过长' }),
    password: z.string().min(1, { message: '请输入密码' }).max(128, { message: '密码过长' }),
  })
  .strict()
  .openapi('LoginRequest');

/**
 * Counts the attempt per username and per client address before anything else
 * (ADR 0015); over either limit → 429 with Retry-After and RateLimit-* headers.
 * A middleware because only it may answer with headers of its own. The body is
 * read here as the validator will read it (Hono caches it); a body that is not
 * JSON or has no string username is counted by address only and refused later.
 */
const loginRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const deps = { db: c.get('control'), clock: c.get('clock') };
  const parsed: unknown = await c.req.json().catch(() => null);
  const username = (parsed as { username?: unknown } | null)?.username;
  // Cloudflare sets CF-Connecting-IP on every request it serves; without it (local runs) there is no address to count.
  const ip = c.req.header('cf-connecting-ip');
  const hits = [
    ...(typeof username === 'string' ? [{ rule: RATE_LIMITS.loginPerUsername, key: username.trim().slice(0, 64) }] : []),
    ...(ip ? [{ rule: RATE_LIMITS.loginPerIp, key: ip }] : []),
  ];
  if (hits.length) {
    const decision = await hitRateLimits(deps, hits);
    if (!decision.allowed) {
      const res = renderProblem(c, new AppError('rate_limited', '登录尝试过于频繁，请稍后再试'));
      for (const [k, v] of Object.entries(rateLimitHeaders(decision, deps.clock.now()))) res.headers.set(k, v);
      return res;
    }
  }
  await next();
});

export const route = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['身份认证'],
  summary: '用户名密码登录',
  'x-action': 'public',
  // Signing in is what gives a session: the document must not ask for one.
  security: [],
  middleware: [bodyLimit('json'), loginRateLimit] as const,
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: {
    200: {
      description: '登录成功，返回会话令牌',
      content: {
        'application/json': {
          schema: z.object({ token: z.string(), expiresAt: z.number().int(), user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), grants: z.array(GrantSchema) }) }).openapi('LoginResponse'),
        },
      },
    },
    400: commonErrors[400],
    401: commonErrors[401],
    422: commonErrors[422],
    423: { description: '连续 5 次输错密码，账号已锁定', content: { 'application/problem+json': { schema: ProblemSchema } } },
    429: {
      description: '登录尝试过于频繁（按来源地址和用户名计数，见 ADR 0015），带 Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export const loginRouter = createRouter().openapi(route, async (c) => {
  const body = c.req.valid('json');
  const result = await login(
    { db: c.get('control'), clock: c.get('clock'), requestId: c.get('requestId') },
    { ...body, userAgent: c.req.header('user-agent') },
  );
  return c.json(result, 200);
});
