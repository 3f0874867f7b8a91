import { describe, expect, it } from 'vitest';
import { makeAlliance } from '../../../test/support/alliance-factories.ts';
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
    const issued = await call('POST', '/api/t/kalaqin/api-keys', { token: admin.token, body: { name: '社区大屏', scopes: ['orgs:read'] } });
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

describe('public API v1: alliances', () => {
  it('shows formed alliances and their member organizations, never drafts or personal data', async () => {
    const f = await makeFixture('kalaqin');
    const draft = await makeAlliance('kalaqin', { lead: f.org, committee: f.parent, status: 'draft' });
    const auth = { authorization: `Bearer ${f.apiKey.key}` };
    const list = (await (await call('GET', `/v1/alliances?q=${encodeURIComponent('测试联合体')}&limit=100`, { headers: auth })).json()) as { items: Array<{ id: string; status: string }> };
    const ids = list.items.map((a) => a.id);
    expect(ids).toContain(f.alliance.alliance.id);
    expect(ids).not.toContain(draft.alliance.id);
    expect(list.items.every((a) => ['approved', 'established', 'active', 'rectifying'].includes(a.status))).toBe(true);
    expect((await call('GET', `/v1/alliances/${draft.alliance.id}`, { headers: auth })).status).toBe(404);
    const one = await call('GET', `/v1/alliances/${f.alliance.alliance.id}`, { headers: auth });
    const text = await one.text();
    expect(one.status).toBe(200);
    expect(text).not.toMatch(/liaison|Phone|contribution|secretary/);
    const detail = JSON.parse(text) as { members: Array<{ orgId: string; role: string }> };
    expect(detail.members[0]).toMatchObject({ orgId: f.org.id, role: 'lead' });
    const routes = (await (await call('GET', '/v1/red-routes', { headers: auth })).json()) as { items: Array<{ id: string; stops: Array<{ id: string }> }> };
    expect(routes.items.find((r) => r.id === f.route.id)!.stops.map((s) => s.id)).toEqual([f.alliance.alliance.id, f.alliance2.alliance.id]);
  });

  it('a resident mini-program submits 群众点单 with the key (naming the alliance); the county sees it as 群众点单, the app never sees the contact', async () => {
    const f = await makeFixture('kalaqin');
    const auth = { authorization: `Bearer ${f.apiKey.key}` };
    const title = `小程序点单：楼道灯不亮${Date.now()}`;
    const submitted = await call('POST', '/v1/needs', {
      headers: auth,
      body: { allianceId: f.alliance.alliance.id, title, categoryId: 'cat_property', quantity: 1, unit: '处', urgency: 2, deadline: '2099-03-01', communityCode: '150428001001', gridName: '第三网格', raiserName: '刘女士', raiserPhone: '13904761111' },
    });
    expect(submitted.status, await submitted.clone().text()).toBe(201);
    const pub = (await submitted.json()) as Record<string, unknown>;
    expect(pub).toMatchObject({ title, source: '群众点单', status: 'open', progress: 'submitted', allianceId: f.alliance.alliance.id, contactMasked: '139****1111' });
    expect(pub).not.toHaveProperty('raiserPhone');
    expect(pub).not.toHaveProperty('raiserName');

    const admin = await makeUser([{ tenant: 'kalaqin', role: 'county_admin' }]);
    const seen = (await (await call('GET', `/api/t/kalaqin/needs/${pub.ref as string}`, { token: admin.token })).json()) as Record<string, unknown>;
    expect(seen).toMatchObject({ source: '群众点单', raiserName: '刘女士', raiserPhone: '13904761111', raisedByOrgId: null });
    const audit = (await (await call('GET', `/api/t/kalaqin/audit?entityId=${pub.ref as string}`, { token: admin.token })).json()) as { items: Array<{ action: string; actorName: string }> };
    expect(audit.items[0]).toMatchObject({ action: 'need.submit', actorName: expect.stringContaining('接口密钥') });

    const listed = (await (await call('GET', `/v1/needs?allianceId=${f.alliance.alliance.id}`, { headers: auth })).json()) as { items: Array<Record<string, unknown>> };
    expect(listed.items.map((n) => n.title)).toContain(title);
    expect(JSON.stringify(listed)).not.toContain('13904761111');

    // A past deadline is the app's mistake: a field error, nothing stored.
    const late = await call('POST', '/v1/needs', {
      headers: auth,
      body: { allianceId: f.alliance.alliance.id, title: '过期的点单', categoryId: 'cat_property', quantity: 1, unit: '处', urgency: 1, deadline: '2020-01-01', communityCode: '150428001001', raiserName: '刘女士', raiserPhone: '13904761111' },
    });
    expect(late.status).toBe(422);
    expect(((await late.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['body.deadline']);
  });
});
