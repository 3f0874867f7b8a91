import { describe, expect, it } from 'vitest';
import { call, makeUser, PASSWORD } from '../../../../../../test/support/factories.ts';

// Passwords that meet the character-class rules and are still among the first
// an attacker tries are refused wherever a password is set: account creation,
// an administrator's reset and a user's own change — 422, naming the field.
const T = 'balinzuo';
const COMMON = ['Password1', 'Aa123456', 'Qwerty123', 'P@ssw0rd', 'Password1!', 'Welcome1!', 'Admin@123'];
const STRONG = 'Hongshan-Lantern-Ridge-7';
const MESSAGE = '密码过于常见或容易猜到，请换一个';

type Problem = { code: string; errors: Array<{ path: string; message: string }> };
async function refused(res: Response, path: string) {
  const text = await res.text();
  expect(res.status, text).toBe(422);
  const p = JSON.parse(text) as Problem;
  expect(p.code).toBe('validation_failed');
  expect(p.errors).toEqual([{ path, message: MESSAGE }]);
}

describe('common passwords are refused', () => {
  it('on account creation, and a strong passphrase is accepted', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    for (const [i, password] of COMMON.entries()) {
      const res = await call('POST', `/api/t/${T}/accounts`, { token: admin.token, body: { username: `weakpw${i}x`, displayName: '弱密码', password, grants: [{ role: 'member' }] } });
      await refused(res, 'body.password');
    }
    const ok = await call('POST', `/api/t/${T}/accounts`, { token: admin.token, body: { username: 'strongpw1', displayName: '强密码', password: STRONG, grants: [{ role: 'member' }] } });
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect((await call('POST', '/api/auth/login', { body: { username: 'strongpw1', password: STRONG } })).status).toBe(200);
  });

  it("on an administrator's reset", async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    for (const newPassword of COMMON) {
      await refused(await call('POST', `/api/t/${T}/accounts/${u.id}/reset-password`, { token: admin.token, body: { newPassword }, headers: { 'if-match': '"v1"' } }), 'body.newPassword');
    }
    const ok = await call('POST', `/api/t/${T}/accounts/${u.id}/reset-password`, { token: admin.token, body: { newPassword: STRONG }, headers: { 'if-match': '"v1"' } });
    expect(ok.status, await ok.clone().text()).toBe(200);
  });

  it("on a user's own change, where the demo accounts' password is still accepted", async () => {
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    for (const newPassword of COMMON) {
      await refused(await call('POST', '/api/me/password', { token: u.token, body: { currentPassword: PASSWORD, newPassword } }), 'body.newPassword');
    }
    // README / scripts/seed.ts: every demo account signs in with Ronghe@2026.
    const ok = await call('POST', '/api/me/password', { token: u.token, body: { currentPassword: PASSWORD, newPassword: 'Ronghe@2026' } });
    expect(ok.status, await ok.clone().text()).toBe(204);
  });
});
