import { createRoute, z } from '@hono/zod-openapi';
import { changePassword, logout } from '@ronghe/identity';
import { commonErrors, createRouter } from '@ronghe/http';
import { TENANTS } from '@ronghe/tenancy';
import { ROLES } from '@ronghe/schema';
import { MeSchema } from './schemas.ts';

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['身份认证'],
  summary: '退出登录（使当前令牌失效）',
  'x-action': 'session',
  responses: { 204: { description: '已退出' }, 401: commonErrors[401] },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['身份认证'],
  summary: '当前用户与角色',
  'x-action': 'session',
  responses: { 200: { description: '当前用户', content: { 'application/json': { schema: MeSchema } } }, 401: commonErrors[401] },
});

const PasswordBody = z
  .object({
    currentPassword: z.string().min(1, { message: '请输入当前密码' }).max(128),
    newPassword: z.string().min(1, { message: '请输入新密码' }).max(128, { message: '密码长度不能超过 128 位' }),
  })
  .strict()
  .openapi('ChangePasswordRequest');

const passwordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  tags: ['身份认证'],
  summary: '修改本人密码（成功后所有会话失效，需重新登录）',
  'x-action': 'session',
  request: { body: { content: { 'application/json': { schema: PasswordBody } }, required: true } },
  responses: { 204: { description: '已修改' }, 400: commonErrors[400], 401: commonErrors[401], 422: commonErrors[422] },
});

const TenantItem = z
  .object({
    slug: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(['county', 'city']),
    roles: z.array(z.enum(ROLES)),
    readOnly: z.boolean(),
  })
  .openapi('TenantAccess');

const tenantsRoute = createRoute({
  method: 'get',
  path: '/tenants',
  tags: ['身份认证'],
  summary: '当前用户可进入的旗县区（市级管理员可查看全部旗县区，只读）',
  'x-action': 'session',
  responses: {
    200: { description: '可访问的租户', content: { 'application/json': { schema: z.object({ items: z.array(TenantItem) }) } } },
    401: commonErrors[401],
  },
});

export const sessionRouter = createRouter()
  .openapi(logoutRoute, async (c) => {
    await logout({ db: c.get('control'), clock: c.get('clock'), requestId: c.get('requestId') }, c.get('session')!);
    return c.body(null, 204);
  })
  .openapi(meRoute, (c) => c.json(c.get('session')!.user, 200))
  .openapi(passwordRoute, async (c) => {
    await changePassword(
      { db: c.get('control'), clock: c.get('clock'), requestId: c.get('requestId') },
      c.get('session')!,
      c.req.valid('json'),
    );
    return c.body(null, 204);
  })
  .openapi(tenantsRoute, (c) => {
    const grants = c.get('session')!.user.grants;
    const isCityAdmin = grants.some((g) => g.role === 'city_admin' && g.tenant === 'chifeng');
    const items = TENANTS.flatMap((t) => {
      const roles = [...new Set(grants.filter((g) => g.tenant === t.slug).map((g) => g.role))];
      if (isCityAdmin && !roles.includes('city_admin')) roles.unshift('city_admin');
      if (roles.length === 0) return [];
      const readOnly = t.kind === 'county' && roles.every((r) => r === 'city_admin');
      return [{ slug: t.slug, code: t.code, name: t.name, kind: t.kind, roles, readOnly }];
    });
    return c.json({ items }, 200);
  });

export { logoutRoute, meRoute, passwordRoute, tenantsRoute };
