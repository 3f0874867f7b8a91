import { createRoute } from '@hono/zod-openapi';
import { openDb } from '@ronghe/core';
import { commonErrors, createRouter } from '@ronghe/http';
import { nameGrants } from '@ronghe/identity';
import { findTenant } from '@ronghe/tenancy';
import { MeSchema } from './schemas.ts';

export const route = createRoute({
  method: 'get',
  path: '/me',
  tags: ['身份认证'],
  summary: '当前用户与角色',
  'x-action': 'session',
  responses: { 200: { description: '当前用户', content: { 'application/json': { schema: MeSchema } } }, 401: commonErrors[401] },
});

export const meRouter = createRouter().openapi(route, async (c) => {
  const user = c.get('session')!.user;
  const dbOf = (slug: string) => {
    const d1 = c.env[findTenant(slug)?.binding ?? ''] as D1Database | undefined;
    return d1 ? openDb(d1) : undefined;
  };
  const grants = await nameGrants({ grants: user.grants, dbOf });
  return c.json({ id: user.id, username: user.username, displayName: user.displayName, grants }, 200);
});
