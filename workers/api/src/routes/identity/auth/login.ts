import { createRoute, z } from '@hono/zod-openapi';
import { login } from '@ronghe/identity';
import { bodyLimit, commonErrors, createRouter, ProblemSchema } from '@ronghe/http';
import { MeSchema } from './schemas.ts';

const LoginBody = z
  .object({
    username: z.string().trim().min(1, { message: '请输入用户名' }).max(64, { message: '用户名过长' }),
    password: z.string().min(1, { message: '请输入密码' }).max(128, { message: '密码过长' }),
  })
  .strict()
  .openapi('LoginRequest');

export const route = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['身份认证'],
  summary: '用户名密码登录',
  'x-action': 'public',
  // Signing in is what gives a session: the document must not ask for one.
  security: [],
  middleware: [bodyLimit('json')] as const,
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: {
    200: {
      description: '登录成功，返回会话令牌',
      content: {
        'application/json': {
          schema: z.object({ token: z.string(), expiresAt: z.number().int(), user: MeSchema }).openapi('LoginResponse'),
        },
      },
    },
    400: commonErrors[400],
    401: commonErrors[401],
    422: commonErrors[422],
    423: { description: '连续 5 次输错密码，账号已锁定', content: { 'application/problem+json': { schema: ProblemSchema } } },
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
