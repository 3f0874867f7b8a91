import { createRoute, z } from '@hono/zod-openapi';
import { changePassword } from '@ronghe/identity';
import { bodyLimit, commonErrors, createRouter } from '@ronghe/http';

const PasswordBody = z
  .object({
    currentPassword: z.string().min(1, { message: '请输入当前密码' }).max(128),
    newPassword: z.string().min(1, { message: '请输入新密码' }).max(128, { message: '密码长度不能超过 128 位' }),
  })
  .strict()
  .openapi('ChangePasswordRequest');

export const route = createRoute({
  method: 'post',
  path: '/me/password',
  tags: ['身份认证'],
  summary: '修改本人密码（成功后所有会话失效，需重新登录）',
  'x-action': 'session',
  middleware: [bodyLimit('json')] as const,
  request: { body: { content: { 'application/json': { schema: PasswordBody } }, required: true } },
  responses: { 204: { description: '已修改' }, 400: commonErrors[400], 401: commonErrors[401], 422: commonErrors[422] },
});

export const changePasswordRouter = createRouter()
  .openapi(route, async (c) => {
    await changePassword(
      { db: c.get('control'), clock: c.get('clock'), requestId: c.get('requestId') },
      c.get('session')!,
      c.req.valid('json'),
    );
    return c.body(null, 204);
  });
