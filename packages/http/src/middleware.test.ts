import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/support/factories.ts';
import type { TenantEnv } from './env.ts';
import { controlDb, requestContext, requireSession, tenantScope } from './middleware.ts';
import { createRouter } from './openapi.ts';

// The session and tenant-scope middleware on a throwaway app, the way Hono
// tests its own middleware: a handler that reports what the context holds.
const T = 'aohan';

function app() {
  const a = createRouter();
  a.use('*', requestContext(), controlDb);
  a.use('/me', requireSession);
  a.use('/t/:tenant/*', requireSession, tenantScope);
  a.get('/me', (c) => c.json({ user: c.get('session')?.user.id ?? null }));
  a.route(
    '/',
    createRouter<TenantEnv>().get('/t/:tenant/who', (c) =>
      c.json({ tenant: c.get('tenant'), actor: c.get('actor'), hasDb: typeof c.get('db').select === 'function' }),
    ),
  );
  return a;
}

const get = (path: string, token?: string) =>
  app().request(path, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }, env);

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { status: number; code: string; detail: string };
}

describe('requireSession', () => {
  it('no Authorization header → 401 unauthenticated, 请先登录', async () => {
    const res = await get('/me');
    expect(res.status).toBe(401);
    expect(await problem(res)).toMatchObject({ status: 401, code: 'unauthenticated', detail: '请先登录' });
  });

  it('a header that is not a bearer token → 401 请先登录', async () => {
    const res = await app().request('/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }, env);
    expect(res.status).toBe(401);
    expect((await problem(res)).detail).toBe('请先登录');
  });

  it('an unknown or expired token → 401 登录已过期', async () => {
    const res = await get('/me', 'rhs_not-a-session');
    expect(res.status).toBe(401);
    expect(await problem(res)).toMatchObject({ code: 'unauthenticated', detail: '登录已过期，请重新登录' });
  });

  it('a live session reaches the handler with its user', async () => {
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    const res = await get('/me', u.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: u.id });
  });
});

describe('tenantScope', () => {
  it('a county the user holds a role in: its tenant, an actor with that role and its database', async () => {
    const u = await makeUser([{ tenant: T, role: 'member' }], { displayName: '敖汉测试成员' });
    const res = await get(`/t/${T}/who`, u.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      tenant: { slug: 'aohan', code: '150430', name: '敖汉旗', kind: 'county' },
      actor: { userId: u.id, displayName: '敖汉测试成员', grants: [{ role: 'member', scopeOrgId: null, scopeAllianceId: null }] },
      hasDb: true,
    });
  });

  it('a county the user holds no role in looks missing: 404, like an unknown one', async () => {
    const u = await makeUser([{ tenant: 'ningcheng', role: 'county_admin' }]);
    const foreign = await get(`/t/${T}/who`, u.token);
    const unknown = await get('/t/atlantis/who', u.token);
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [await problem(foreign), await problem(unknown)];
    expect(a).toMatchObject({ code: 'not_found', detail: '该旗县区不存在或无权访问' });
    expect(b.detail).toBe(a.detail);
  });

  it('only the grants of that county reach the actor', async () => {
    const u = await makeUser([
      { tenant: T, role: 'org_liaison', scopeOrgId: 'org_x' },
      { tenant: 'ningcheng', role: 'county_admin' },
    ]);
    const body = (await (await get(`/t/${T}/who`, u.token)).json()) as { actor: { grants: unknown[] } };
    expect(body.actor.grants).toEqual([{ role: 'org_liaison', scopeOrgId: 'org_x', scopeAllianceId: null }]);
  });

  it("the city's administrator sees every county, as city_admin there", async () => {
    const u = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const res = await get(`/t/${T}/who`, u.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { actor: { grants: unknown[] } };
    expect(body.actor.grants).toEqual([{ role: 'city_admin', scopeOrgId: null, scopeAllianceId: null }]);
  });

  it('without a session the tenant is never resolved: 401 first', async () => {
    const res = await get(`/t/${T}/who`);
    expect(res.status).toBe(401);
    expect((await problem(res)).code).toBe('unauthenticated');
  });
});

describe('requestContext', () => {
  it('echoes a sane incoming request id and replaces a hostile one', async () => {
    const sane = await app().request('/me', { headers: { 'x-request-id': 'req-abc12345' } }, env);
    expect(sane.headers.get('x-request-id')).toBe('req-abc12345');
    const hostile = await app().request('/me', { headers: { 'x-request-id': 'a b<script>' } }, env);
    expect(hostile.headers.get('x-request-id')).not.toBe('a b<script>');
    expect(hostile.headers.get('x-request-id')).toMatch(/^req_/);
  });
});
