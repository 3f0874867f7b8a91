import { createRoute, z } from '@hono/zod-openapi';
import { commonErrors, createRouter } from '@ronghe/http';
import { holdsCityAdmin } from '@ronghe/identity';
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
      return [{ slug: t.slug, code: t.code, name: t.name, kind: t.kind, roles, readOnly }];
    });
    return c.json({ items }, 200);
  });
