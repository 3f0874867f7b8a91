import { describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, PASSWORD } from '../../../../../../test/support/factories.ts';

describe('login, sessions and lockout', () => {
  it('logs in with the right password and the token opens /api/me', async () => {
    const u = await makeUser([{ tenant: 'hongshan', role: 'county_admin' }]);
    const me = await call('GET', '/api/me', { token: u.token });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { username: string; grants: Array<{ tenant: string; role: string }> };
    expect(body.username).toBe(u.username);
    expect(body.grants).toEqual([expect.objectContaining({ tenant: 'hongshan', role: 'county_admin' })]);
  });

  it('refuses a wrong password in Chinese and locks the account after 5 failures', async () => {
    const u = await makeUser([{ tenant: 'hongshan', role: 'member' }]);
    for (let i = 1; i <= 4; i++) {
      const r = await call('POST', '/api/auth/login', { body: { username: u.username, password: 'Wrong@pass1' } });
      expect(r.status).toBe(401);
      const p = (await r.json()) as { code: string; detail: string };
      expect(p.code).toBe('invalid_credentials');
      expect(p.detail).toContain(`再错 ${5 - i} 次`);
    }
    const fifth = await call('POST', '/api/auth/login', { body: { username: u.username, password: 'Wrong@pass1' } });
    expect(fifth.status).toBe(423);
    // Even the right password is refused while locked.
    const locked = await call('POST', '/api/auth/login', { body: { username: u.username, password: PASSWORD } });
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as { detail: string }).detail).toMatch(/锁定/);
  });

  it('does not reveal whether a username exists', async () => {
    const r = await call('POST', '/api/auth/login', { body: { username: 'nobody-here', password: 'Whatever@1' } });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it('logout ends the session', async () => {
    const u = await makeUser([{ tenant: 'hongshan', role: 'member' }]);
    expect((await call('POST', '/api/auth/logout', { token: u.token })).status).toBe(204);
    expect((await call('GET', '/api/me', { token: u.token })).status).toBe(401);
  });

  it('rejects a missing or forged token with 401', async () => {
    expect((await call('GET', '/api/me')).status).toBe(401);
    expect((await call('GET', '/api/me', { token: 'rhs_forged' })).status).toBe(401);
  });

  it('changes the password under the rules and ends every session', async () => {
    const u = await makeUser([{ tenant: 'hongshan', role: 'member' }]);
    const weak = await call('POST', '/api/me/password', { token: u.token, body: { currentPassword: PASSWORD, newPassword: 'abcdefgh' } });
    expect(weak.status).toBe(422);
    const problem = (await weak.json()) as { errors: Array<{ path: string; message: string }> };
    expect(problem.errors.some((e) => e.path === 'body.newPassword' && /三类/.test(e.message))).toBe(true);

    const ok = await call('POST', '/api/me/password', { token: u.token, body: { currentPassword: PASSWORD, newPassword: 'New#Pass2026' } });
    expect(ok.status).toBe(204);
    expect((await call('GET', '/api/me', { token: u.token })).status).toBe(401);
    const relogin = await call('POST', '/api/auth/login', { body: { username: u.username, password: 'New#Pass2026' } });
    expect(relogin.status).toBe(200);
  });

  it('lists the tenants a user may open; a city admin sees all counties read-only', async () => {
    const city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const r = (await (await call('GET', '/api/tenants', { token: city.token })).json()) as {
      items: Array<{ slug: string; readOnly: boolean }>;
    };
    expect(r.items).toHaveLength(13);
    expect(r.items.find((t) => t.slug === 'chifeng')?.readOnly).toBe(false);
    expect(r.items.filter((t) => t.slug !== 'chifeng').every((t) => t.readOnly)).toBe(true);

    const county = await makeUser([{ tenant: 'aohan', role: 'county_admin' }]);
    const c = (await (await call('GET', '/api/tenants', { token: county.token })).json()) as { items: Array<{ slug: string }> };
    expect(c.items.map((t) => t.slug)).toEqual(['aohan']);
  });

  it('/me names the organization each grant is scoped to (the header reads 单位 · 身份, issue 10 §3)', async () => {
    const org = await makeOrg('hongshan', { kind: '党工委', domain: '街道', name: `测试街道党工委${Date.now().toString(36)}` });
    const u = await makeUser([{ tenant: 'hongshan', role: 'committee_reviewer', scopeOrgId: org.id }]);
    const me = (await (await call('GET', '/api/me', { token: u.token })).json()) as { grants: Array<{ scopeOrgId: string; scopeOrgName: string | null }> };
    expect(me.grants).toEqual([expect.objectContaining({ scopeOrgId: org.id, scopeOrgName: org.name, scopeAllianceName: null })]);
  });

  it('/tenants lists the actions the matrix lets each role attempt there: 需求对接 not for a liaison, a member or the city reading a county', async () => {
    const actionsOf = async (grants: Parameters<typeof makeUser>[0], slug: string) => {
      const u = await makeUser(grants);
      const r = (await (await call('GET', '/api/tenants', { token: u.token })).json()) as { items: Array<{ slug: string; actions: string[] }> };
      return r.items.find((t) => t.slug === slug)!.actions;
    };
    const liaison = await actionsOf([{ tenant: 'hongshan', role: 'org_liaison', scopeOrgId: 'org_x' }], 'hongshan');
    expect(liaison).toContain('list.read');
    expect(liaison).toContain('resource.manage');
    expect(liaison).not.toContain('match.run');
    expect(await actionsOf([{ tenant: 'hongshan', role: 'member' }], 'hongshan')).not.toContain('match.run');
    const cityInCounty = await actionsOf([{ tenant: 'chifeng', role: 'city_admin' }], 'hongshan');
    expect(cityInCounty).toContain('audit.read');
    expect(cityInCounty).not.toContain('match.run');
    expect(cityInCounty).not.toContain('user.manage');
    // In the city's own tenant the city administrator administers (ADR: effectiveGrants).
    expect(await actionsOf([{ tenant: 'chifeng', role: 'city_admin' }], 'chifeng')).toContain('user.manage');
    expect(await actionsOf([{ tenant: 'hongshan', role: 'county_admin' }], 'hongshan')).toContain('match.run');
  });
});
