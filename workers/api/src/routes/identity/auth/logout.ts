import { createRoute } from '@hono/zod-openapi';
import { logout } from '@ronghe/identity';
import { commonErrors, createRouter } from '@ronghe/http';

export const route = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['身份认证'],
  summary: '退出登录（使当前令牌失效）',
  'x-action': 'session',
  responses: { 204: { description: '已退出' }, 401: commonErrors[401] },
});

export const logoutRouter = createRouter()
  .openapi(route, async (c) => {
    await logout({ db: c.get('control'), clock: c.get('clock'), requestId: c.get('requestId') }, c.get('session')!);
    return c.body(null, 204);
  });
