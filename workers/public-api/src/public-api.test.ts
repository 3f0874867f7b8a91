import { describe, expect, it } from 'vitest';
import { call, makeApiKey, makeFixture, makeUser } from '../../../test/support/factories.ts';

describe('public API v1 with API keys', () => {
  it('lists and reads organizations of the key’s county without personal data', async () => {
    const f = await makeFixture('kalaqin');
    const list = await call('GET', `/v1/orgs?under=${f.parent.id}`, { headers: { authorization: `Bearer ${f.apiKey.key}` } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: Array<Record<string, unknown>>; total: number };
    expect(body.total).toBe(2);
    for (const item of body.items) {
      expect(item).not.toHaveProperty('secretaryPhone');
      expect(item).not.toHaveProperty('secretaryName');
    }
    const one = await call('GET', `/v1/orgs/${f.org.id}`, { headers: { authorization: `Bearer ${f.apiKey.key}` } });
    expect(((await one.json()) as { name: string }).name).toBe(f.org.name);
  });

  it('refuses missing, forged and revoked keys with 401', async () => {
    const revoked = await makeApiKey('kalaqin', { revoked: true });
    expect((await call('GET', '/v1/orgs')).status).toBe(401);
    expect((await call('GET', '/v1/orgs', { headers: { authorization: 'Bearer rhk_kalaqin_' + 'x'.repeat(43) } })).status).toBe(401);
    expect((await call('GET', '/v1/orgs', { headers: { authorization: `Bearer ${revoked.key}` } })).status).toBe(401);
  });

  it('a county admin issues a key that works once shown, and revoking it shuts it off', async () => {
    const admin = await makeUser([{ tenant: 'kalaqin', role: 'county_admin' }]);
    const issued = await call('POST', '/api/t/kalaqin/api-keys', { token: admin.token, body: { name: '社区大屏' } });
    expect(issued.status).toBe(201);
    const { id, key } = (await issued.json()) as { id: string; key: string };
    expect(key.startsWith('rhk_kalaqin_')).toBe(true);
    expect((await call('GET', '/v1/orgs', { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    const listed = (await (await call('GET', '/api/t/kalaqin/api-keys', { token: admin.token })).json()) as { items: Array<Record<string, unknown>> };
    expect(listed.items.find((k) => k.id === id)).not.toHaveProperty('keyHash');
    const revoke = await call('POST', `/api/t/kalaqin/api-keys/${id}/revoke`, { token: admin.token, headers: { 'if-match': '"v1"' } });
    expect(revoke.status).toBe(200);
    expect((await call('GET', '/v1/orgs', { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  });
});
