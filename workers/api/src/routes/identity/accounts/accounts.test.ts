import { describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, PASSWORD } from '../../../../../../test/support/factories.ts';

const T = 'balinzuo';

describe('account management by the county administrator', () => {
  it('creates an account with a scoped role; the new user logs in and sees only that county', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const street = await makeOrg(T, { kind: '党工委', domain: '街道', name: '林东镇党委' });
    const res = await call('POST', `/api/t/${T}/accounts`, {
      token: admin.token,
      body: { username: 'linxiaohong', displayName: '林晓红', phone: '13904765555', password: 'Linxh#2026', grants: [{ role: 'committee_reviewer', scopeOrgId: street.id }] },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ username: 'linxiaohong', grants: [{ role: 'committee_reviewer', scopeOrgName: '林东镇党委' }], managedHere: true });

    const login = await call('POST', '/api/auth/login', { body: { username: 'linxiaohong', password: 'Linxh#2026' } });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const tenants = (await (await call('GET', '/api/tenants', { token })).json()) as { items: Array<{ slug: string }> };
    expect(tenants.items.map((t) => t.slug)).toEqual([T]);

    const list = (await (await call('GET', `/api/t/${T}/accounts`, { token: admin.token })).json()) as { items: Array<{ id: string; username: string; phone: string }> };
    const created = list.items.find((a) => a.username === 'linxiaohong')!;
    expect(created.phone).toBe('139****5555');

    // The county's audit trail shows the account change, though accounts live in the control database.
    const audit = (await (await call('GET', `/api/t/${T}/audit?entityId=${created.id}`, { token: admin.token })).json()) as { items: Array<{ action: string; actorId: string }> };
    expect(audit.items).toEqual([expect.objectContaining({ action: 'user.create', actorId: admin.id })]);
    const other = await makeUser([{ tenant: 'aohan', role: 'county_admin' }]);
    const foreign = (await (await call('GET', `/api/t/aohan/audit?entityId=${created.id}`, { token: other.token })).json()) as { items: unknown[] };
    expect(foreign.items).toEqual([]);
  });

  it('refuses roles a county cannot hand out and reviewers outside a street or township committee', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const branch = await makeOrg(T, { kind: '党支部', domain: '社区' });
    const city = await call('POST', `/api/t/${T}/accounts`, { token: admin.token, body: { username: 'usurper', displayName: '越权者', password: 'Abcdef#2026', grants: [{ role: 'city_admin' }] } });
    expect(city.status).toBe(422);
    const reviewer = await call('POST', `/api/t/${T}/accounts`, {
      token: admin.token,
      body: { username: 'wrongscope', displayName: '范围错', password: 'Abcdef#2026', grants: [{ role: 'committee_reviewer', scopeOrgId: branch.id }] },
    });
    expect(reviewer.status).toBe(422);
    // Issue 10: any committee above base organizations may hold reviewers; the message names them all.
    expect(JSON.stringify(await reviewer.json())).toContain('街道党工委、苏木乡镇党委、机关工委、园区党工委、行业党委或旗县区委');
    const taken = await call('POST', `/api/t/${T}/accounts`, { token: admin.token, body: { username: admin.username, displayName: '重名', password: 'Abcdef#2026', grants: [{ role: 'member' }] } });
    expect(taken.status).toBe(409);
  });

  it('resets a locked-out password, disables and re-enables an account', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    for (let i = 0; i < 5; i++) await call('POST', '/api/auth/login', { body: { username: u.username, password: 'Wrong#pass1' } });
    expect((await call('POST', '/api/auth/login', { body: { username: u.username, password: PASSWORD } })).status).toBe(423);

    const reset = await call('POST', `/api/t/${T}/accounts/${u.id}/reset-password`, { token: admin.token, body: { newPassword: 'Fresh#2026a' }, headers: { 'if-match': '"v1"' } });
    expect(reset.status).toBe(200);
    expect((await call('GET', '/api/me', { token: u.token })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { body: { username: u.username, password: 'Fresh#2026a' } })).status).toBe(200);

    const off = await call('POST', `/api/t/${T}/accounts/${u.id}/status`, { token: admin.token, body: { status: 'disabled' }, headers: { 'if-match': '"v2"' } });
    expect(off.status).toBe(200);
    expect((await call('POST', '/api/auth/login', { body: { username: u.username, password: 'Fresh#2026a' } })).status).toBe(401);
    const on = await call('POST', `/api/t/${T}/accounts/${u.id}/status`, { token: admin.token, body: { status: 'active' }, headers: { 'if-match': '"v3"' } });
    expect(on.status).toBe(200);
  });

  it('sees but cannot change an account that also holds a role in another county', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const shared = await makeUser([{ tenant: T, role: 'member' }, { tenant: 'aohan', role: 'county_admin' }]);
    const list = (await (await call('GET', `/api/t/${T}/accounts`, { token: admin.token })).json()) as { items: Array<{ id: string; managedHere: boolean; grants: unknown[] }> };
    const seen = list.items.find((a) => a.id === shared.id)!;
    expect(seen.managedHere).toBe(false);
    // Only this county's roles are shown.
    expect(seen.grants).toHaveLength(1);
    const res = await call('POST', `/api/t/${T}/accounts/${shared.id}/status`, { token: admin.token, body: { status: 'disabled' }, headers: { 'if-match': '"v1"' } });
    expect(res.status).toBe(403);
    expect((await call('GET', '/api/me', { token: shared.token })).status).toBe(200);
  });

  it('changing roles ends the account’s sessions so new roles apply at the next login', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    const org = await makeOrg(T);
    const res = await call('PUT', `/api/t/${T}/accounts/${u.id}/grants`, { token: admin.token, body: { grants: [{ role: 'org_liaison', scopeOrgId: org.id }] }, headers: { 'if-match': '"v1"' } });
    expect(res.status).toBe(200);
    expect((await call('GET', '/api/me', { token: u.token })).status).toBe(401);
  });

  it('lists a county with more accounts than D1 allows bound parameters', async () => {
    const admin = await makeUser([{ tenant: 'wengniute', role: 'county_admin' }]);
    for (let i = 0; i < 120; i++) await makeUser([{ tenant: 'wengniute', role: 'member' }], { login: false });
    const res = await call('GET', '/api/t/wengniute/accounts', { token: admin.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(121);
  });
});
