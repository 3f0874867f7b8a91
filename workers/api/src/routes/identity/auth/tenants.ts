import { createRoute, z } from '@hono/zod-openapi';
import { commonErrors, createRouter } from '@ronghe/http';
import { ACTIONS, effectiveGrants, holdsCityAdmin, mayAttempt } from '@ronghe/identity';
import { ROLES } from '@ronghe/schema';
import { TENANTS } from '@ronghe/tenancy';

const TenantItem = z
  .object({
    slug: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(['county', 'city']),
    roles: z.array(z.enum(ROLES)),
    readOnly: z.boolean(),
    actions: z.array(z.enum(ACTIONS)).openapi({
      description: '本用户在此租户可尝试的操作（角色 × 操作矩阵，与服务端授权同一份数据）；界面据此只显示可用的菜单与按钮，具体对象仍由服务端判定',
    }),
  })
  .openapi('TenantAccess');

export const route = createRoute({
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

export const tenantsRouter = createRouter()
  .openapi(route, (c) => {
    const grants = c.get('session')!.user.grants;
    const isCityAdmin = holdsCityAdmin(grants);
    const items = TENANTS.flatMap((t) => {
      const roles = [...new Set(grants.filter((g) => g.tenant === t.slug).map((g) => g.role))];
      if (isCityAdmin && !roles.includes('city_admin')) roles.unshift('city_admin');
      if (roles.length === 0) return [];
      const readOnly = t.kind === 'county' && roles.every((r) => r === 'city_admin');
      // The same grants tenantScope gives the actor there, checked against the same matrix:
      // the UI's menu follows the server's rule instead of a second list of its own.
      const held = roles.map((role) => ({ role, scopeOrgId: null, scopeAllianceId: null }));
      const actor = { userId: '', displayName: '', grants: effectiveGrants(held, t.kind) };
      const actions = ACTIONS.filter((a) => mayAttempt(actor, a));
      return [{ slug: t.slug, code: t.code, name: t.name, kind: t.kind, roles, readOnly, actions }];
    });
    return c.json({ items }, 200);
  });
