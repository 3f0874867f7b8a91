import { COUNTIES } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';

// ADR 0013: the city tenant (赤峰市) has its own database like every county,
// and its overview visits the counties through forEachTenant. Each test file
// starts from empty databases, so the figures below are what this file made.

const tablesOf = async (d1: D1Database) =>
  (await d1.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all<{ name: string }>()).results.map((r) => r.name);

describe('the city tenant in its own database', () => {
  it("keeps the city's registry in DB_CHIFENG; the control database has no tenant tables", async () => {
    const admin = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const root = await makeOrg('chifeng', { kind: '党委', domain: '机关', name: '中共赤峰市委员会' });
    const res = await call('POST', '/api/t/chifeng/orgs', { token: admin.token, body: { parentId: root.id, name: '市直机关测试党支部', kind: '党支部', domain: '机关' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };

    const row = await bindings.DB_CHIFENG!.prepare('SELECT name FROM organizations WHERE id = ?').bind(id).first<{ name: string }>();
    expect(row).toEqual({ name: '市直机关测试党支部' });
    expect((await tablesOf(bindings.DB_CONTROL!)).filter((t) => !/^(sqlite_|_cf_|d1_migrations$)/.test(t)).sort()).toEqual(
      // Identities and their audit, the login guards (ADR 0015), plus the outbox every database has for its own changes' events (ADR 0012).
      ['api_key_usage', 'audit_log', 'city_filings', 'consumed_events', 'dead_letters', 'login_failures', 'outbox', 'rate_limits', 'role_grants', 'rollup_alliances', 'rollup_counties', 'rollup_months', 'rollup_parts', 'sessions', 'users'],
    );

    const read = await call('GET', `/api/t/chifeng/orgs/${id}`, { token: admin.token });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe('市直机关测试党支部');
  });

  it("shows on the city's audit page both its own changes and the account changes made for it", async () => {
    const admin = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const root = await makeOrg('chifeng', { kind: '党委', domain: '机关' });
    const org = await call('POST', '/api/t/chifeng/orgs', { token: admin.token, body: { parentId: root.id, name: '审计测试党支部', kind: '党支部', domain: '机关' } });
    expect(org.status).toBe(201);
    const account = await call('POST', '/api/t/chifeng/accounts', {
      token: admin.token,
      body: { username: 'city_audit_member', displayName: '审计测试', password: 'Chifeng#2026', grants: [{ role: 'member' }] },
    });
    expect(account.status, await account.clone().text()).toBe(201);

    const page = await call('GET', `/api/t/chifeng/audit?actorId=${admin.id}`, { token: admin.token });
    expect(page.status).toBe(200);
    const actions = ((await page.json()) as { items: Array<{ action: string }> }).items.map((i) => i.action);
    // Newest first: the account (control database), then the organization (the city's database).
    expect(actions).toEqual(['user.create', 'org.create']);
  });
});

describe('GET /api/city/overview', () => {
  it('sums each county from its own database, every county listed once', async () => {
    const admin = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    // 松山区: a 党委 with two active branches (12 and 8 members), one of them weak and standardized, and a deactivated branch.
    const committee = await makeOrg('songshan', { kind: '党委', memberCount: 20 });
    await makeOrg('songshan', { parent: committee, memberCount: 12, weakFlag: true, qualityStatus: '标准化规范化' });
    await makeOrg('songshan', { parent: committee, memberCount: 8, qualityStatus: '最强党支部（市级）' });
    await makeOrg('songshan', { parent: committee, memberCount: 5, status: 'inactive' });
    // The city's own organs are not a county: they never appear in the overview.
    await makeOrg('chifeng', { memberCount: 99 });

    const res = await call('GET', '/api/city/overview', { token: admin.token });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<Record<string, unknown>> };
    expect(items.map((i) => i.slug)).toEqual(COUNTIES.map((c) => c.slug));
    expect(items.find((i) => i.slug === 'songshan')).toEqual({
      slug: 'songshan',
      code: '150404',
      name: '松山区',
      orgCount: 4,
      activeOrgCount: 3,
      weakCount: 1,
      standardizedCount: 1,
      strongestCount: 1,
      // Counted at the leaves only: 12 + 8 (the 党委's 20 repeats its branches; the deactivated branch is out).
      memberTotal: 20,
    });
    expect(items.find((i) => i.slug === 'aohan')).toMatchObject({ orgCount: 0, memberTotal: 0 });
  });

  it('is refused to a county administrator', async () => {
    const county = await makeUser([{ tenant: 'songshan', role: 'county_admin' }]);
    const res = await call('GET', '/api/city/overview', { token: county.token });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('forbidden');
  });
});
