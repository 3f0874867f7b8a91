import type { FilingView, Organization } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../../test/support/factories.ts';
import { bindings } from '../../../../../../test/support/worker.ts';

// 备案 can be read (issue 10 §3): opening a filing marks it read for the county
// organization department, several can be marked at once, and the unread count
// (the sidebar badge reads it) drops accordingly.
const T = 'aohan';
const OTHER = 'ningcheng';

let admin: TestUser;
let member: TestUser;
let city: TestUser;
let street: Organization;

type Page = { items: FilingView[]; unread: number; total: number };

async function inbox(allianceIds: string[]): Promise<{ unread: number; states: string[] }> {
  // Counted per alliance: other test files file things in this county at the same time.
  let unread = 0;
  const states: string[] = [];
  for (const id of allianceIds) {
    const res = await call('GET', `/api/t/${T}/filings?allianceId=${id}`, { token: admin.token });
    expect(res.status).toBe(200);
    const p = (await res.json()) as Page;
    unread += p.unread;
    states.push(...p.items.map((f) => f.countyState));
  }
  return { unread, states };
}

async function alliances(n: number, tenant = T): Promise<MadeAlliance[]> {
  const out: MadeAlliance[] = [];
  for (let i = 0; i < n; i++) {
    const lead = await makeOrg(tenant, { parent: tenant === T ? street : undefined, kind: '党委', domain: '社区' });
    const committee = tenant === T ? street : await makeOrg(tenant, { kind: '党工委', domain: '街道' });
    out.push(await makeAlliance(tenant, { lead, committee, status: 'active' }));
  }
  return out;
}

const auditCount = async (ids: string[]) =>
  (await bindings[findTenant(T)!.binding]!.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'filing.acknowledge' AND entity_id IN (SELECT value FROM json_each(?))`).bind(JSON.stringify(ids)).first<{ n: number }>())!.n;

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }], { displayName: '敖汉旗委组织部管理员' });
  member = await makeUser([{ tenant: T, role: 'member' }]);
  city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
});

describe('reading filings', () => {
  it('opening a filing marks it read by the county, once', async () => {
    const [a] = await alliances(1);
    expect(await inbox([a!.alliance.id])).toEqual({ unread: 1, states: ['unread'] });
    const res = await call('POST', `/api/t/${T}/filings/${a!.filingId}/acknowledge`, { token: admin.token });
    expect(res.status).toBe(200);
    const f = (await res.json()) as FilingView;
    expect(f).toMatchObject({ countyState: 'acknowledged', countyAckBy: '敖汉旗委组织部管理员' });
    expect(await inbox([a!.alliance.id])).toEqual({ unread: 0, states: ['acknowledged'] });
    // Opening it again changes nothing and writes nothing.
    expect((await call('POST', `/api/t/${T}/filings/${a!.filingId}/acknowledge`, { token: admin.token })).status).toBe(200);
    expect(await auditCount([a!.filingId])).toBe(1);
  });

  it('marks several read at once; the unread count drops by exactly those', async () => {
    const made = await alliances(3);
    const ids = made.map((m) => m.alliance.id);
    expect((await inbox(ids)).unread).toBe(3);
    const res = await call('POST', `/api/t/${T}/filings/acknowledge`, { token: admin.token, body: { ids: [made[0]!.filingId, made[1]!.filingId] } });
    expect(res.status, await res.clone().text()).toBe(200);
    const out = (await res.json()) as { acknowledged: number; items: FilingView[] };
    expect(out.acknowledged).toBe(2);
    expect(out.items.map((f) => f.countyState)).toEqual(['acknowledged', 'acknowledged']);
    expect(await inbox(ids)).toEqual({ unread: 1, states: ['acknowledged', 'acknowledged', 'unread'] });
    expect(await auditCount([made[0]!.filingId, made[1]!.filingId])).toBe(2);

    // Again, with the third: only the third changes, and only it is audited.
    const again = (await (await call('POST', `/api/t/${T}/filings/acknowledge`, { token: admin.token, body: { ids: made.map((m) => m.filingId) } })).json()) as { acknowledged: number };
    expect(again.acknowledged).toBe(1);
    expect((await inbox(ids)).unread).toBe(0);
    expect(await auditCount(made.map((m) => m.filingId))).toBe(3);
  });

  it('a filing of another county in the list fails the whole request with 404 and marks nothing', async () => {
    const [mine] = await alliances(1);
    const [theirs] = await alliances(1, OTHER);
    const res = await call('POST', `/api/t/${T}/filings/acknowledge`, { token: admin.token, body: { ids: [mine!.filingId, theirs!.filingId] } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('not_found');
    expect((await inbox([mine!.alliance.id])).unread).toBe(1);
  });

  it('only the county administrator signs: a member and the city administrator are refused (403)', async () => {
    const [a] = await alliances(1);
    for (const u of [member, city]) {
      const one = await call('POST', `/api/t/${T}/filings/${a!.filingId}/acknowledge`, { token: u.token });
      expect(one.status).toBe(403);
      const many = await call('POST', `/api/t/${T}/filings/acknowledge`, { token: u.token, body: { ids: [a!.filingId] } });
      expect(many.status).toBe(403);
      expect(((await many.json()) as { code: string }).code).toBe('forbidden');
    }
    expect((await inbox([a!.alliance.id])).unread).toBe(1);
  });
});
