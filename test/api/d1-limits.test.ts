import { newId, openDb, systemClock, type Ctx } from '@ronghe/core';
import { allNeeds } from '@ronghe/lists/read';
import { findTenant } from '@ronghe/tenancy';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { makeAlliance, makeRoute } from '../support/alliance-factories.ts';
import { makeFixture, makeOrg, makeUser } from '../support/factories.ts';
import { makeNeed } from '../support/list-factories.ts';
import { D1_LIMITS, strictCall, strictEnv } from '../support/strict-d1.ts';

// D1's limits at their edges (ADR 0014, "Where D1's limits could be hit").
// Every request runs on a D1 held to Cloudflare's limits (test/support/strict-d1.ts):
// a test fails on a breach even where the local D1 would have let it pass.

const T = 'songshan';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: Array<Array<string | number | null>>): Promise<ArrayBuffer> {
  return (await writeXlsxFile(rows.map((r) => r.map((value) => ({ value }))) as never).toBlob()).arrayBuffer();
}

const world = (async () => {
  const f = await makeFixture(T);
  const admin = await makeUser([
    { tenant: T, role: 'county_admin' },
    { tenant: T, role: 'committee_reviewer', scopeOrgId: f.parent.id },
  ]);
  return { f, token: admin.token };
})();

describe('the strict D1 the tests run on refuses what Cloudflare refuses', () => {
  it('a LIKE pattern over 50 bytes, a 101st parameter, a statement over 100 KB, a value over 2 MB', async () => {
    const cases: Array<[string, string, unknown[]]> = [
      ['LIKE pattern', 'SELECT 1 WHERE ? LIKE ?', ['x', `%${'中'.repeat(17)}%`]],
      ['bound parameters', `SELECT ${Array.from({ length: 101 }, () => '?').join(', ')}`, Array.from({ length: 101 }, () => 1)],
      ['statement', `SELECT '${'a'.repeat(100_001)}'`, []],
      ['bound value', 'SELECT length(?)', ['a'.repeat(2_000_001)]],
    ];
    for (const [what, sql, params] of cases) {
      const { env, usage } = strictEnv();
      const db = env[findTenant(T)!.binding] as D1Database;
      await expect(db.prepare(sql).bind(...params).all(), what).rejects.toThrow(/D1 limit/);
      expect(usage.violations, what).toHaveLength(1);
    }
    // The edges themselves pass: a 50-byte pattern (16 Chinese characters and two %), 100 parameters.
    const { env, usage } = strictEnv();
    const db = env[findTenant(T)!.binding] as D1Database;
    await db.prepare('SELECT 1 WHERE ? LIKE ?').bind('x', `%${'中'.repeat(16)}%`).all();
    await db.prepare(`SELECT ${Array.from({ length: 100 }, () => '?').join(', ')}`).bind(...Array.from({ length: 100 }, () => 1)).all();
    expect(usage.violations).toEqual([]);
  });

  it('a 1,001st query in one invocation, and a 7th D1 call at once', async () => {
    const { env, usage } = strictEnv();
    const db = env[findTenant(T)!.binding] as D1Database;
    await db.batch(Array.from({ length: 1_000 }, () => db.prepare('SELECT 1')));
    expect(usage.violations).toEqual([]);
    await expect(db.prepare('SELECT 1').all()).rejects.toThrow(/D1 limit/);
    const second = strictEnv();
    const db2 = second.env[findTenant(T)!.binding] as D1Database;
    await Promise.allSettled(Array.from({ length: 7 }, () => db2.prepare('SELECT 1').all()));
    expect(second.usage.maxInFlight).toBe(7);
    expect(second.usage.violations).toHaveLength(1);
  });
});

describe('100 bound parameters per statement', () => {
  it('founds an alliance with 200 member organizations, the most its form allows (14 columns a member)', async () => {
    const { f, token } = await world;
    const members = [];
    for (let i = 0; i < 200; i++) members.push(await makeOrg(T, { name: `成员单位党支部${i}`, domain: i % 2 ? '机关' : '非公有制企业' }));
    const body = {
      name: '二百家成员单位党建联合体',
      type: '党建联合体+',
      typeNote: '党建联合体+志愿服务',
      model: '双报到结对互动',
      pairingForm: '社区+机关',
      vision: '共建共享',
      commonNeeds: '为老服务',
      leadOrgId: f.org.id,
      committeeOrgId: f.parent.id,
      members: members.map((o) => ({ orgId: o.id })),
    };
    const { res, usage } = await strictCall('POST', `/api/t/${T}/alliances`, { token, body });
    expect(usage.violations).toEqual([]);
    expect(res.status).toBe(201);
    const a = (await res.json()) as { members: Array<{ orgId: string; role: string }> };
    expect(a.members).toHaveLength(201);
    expect(a.members.filter((m) => m.role === 'member').map((m) => m.orgId).sort()).toEqual(members.map((o) => o.id).sort());
  });

  it('replaces a governance of 80 seats, the most allowed (7 columns a seat)', async () => {
    const { f, token } = await world;
    const seats = [
      { layer: '决策层', post: '总负责人', personName: '王书记', orgId: f.org.id },
      // A running alliance keeps all three layers (issue 10, seed 000 8.1).
      { layer: '协调层', post: '具体负责人', personName: '刘书记' },
      ...Array.from({ length: 78 }, (_, i) => ({ layer: '执行层', post: '工作人员', personName: `干事${i}` })),
    ];
    const { res, usage } = await strictCall('PUT', `/api/t/${T}/alliances/${f.alliance.alliance.id}/governance`, {
      token,
      body: { seats },
      headers: { 'if-match': `"v${f.alliance.alliance.version}"` },
    });
    expect(usage.violations).toEqual([]);
    expect(res.status).toBe(200);
    const a = (await res.json()) as { governance: Array<{ personName: string }> };
    expect(a.governance.map((s) => s.personName)).toEqual(seats.map((s) => s.personName));
  });

  it('links a red route through 50 alliances and a district of 100 alliances and 30 routes, the most allowed', async () => {
    const { f, token } = await world;
    const alliances: string[] = [];
    const member = await makeOrg(T, { name: '片区共建机关党支部', domain: '机关' });
    for (let i = 0; i < 100; i++) {
      const lead = await makeOrg(T, { parent: f.parent, name: `片区牵头党支部${i}` });
      alliances.push((await makeAlliance(T, { lead, committee: f.parent, status: 'active', members: [member] })).alliance.id);
    }
    const route = await strictCall('POST', `/api/t/${T}/red-routes`, {
      token,
      body: { name: '五十站红色风景线', theme: '基层治理', description: '串联五十个联合体', allianceIds: alliances.slice(0, 50) },
    });
    expect(route.usage.violations).toEqual([]);
    expect(route.res.status).toBe(201);
    const r = (await route.res.json()) as { stops: Array<{ id: string }> };
    expect(r.stops.map((s) => s.id)).toEqual(alliances.slice(0, 50));

    const routes: string[] = [];
    for (let i = 0; i < 30; i++) routes.push((await makeRoute(T, alliances.slice(i, i + 2))).id);
    const district = await strictCall('POST', `/api/t/${T}/red-districts`, {
      token,
      body: { name: '全域红色片区', description: '一百个联合体与三十条风景线', allianceIds: alliances, routeIds: routes },
    });
    expect(district.usage.violations).toEqual([]);
    expect(district.res.status).toBe(201);
    const d = (await district.res.json()) as { alliances: Array<{ id: string }>; routes: Array<{ id: string }> };
    expect(d.alliances.map((x) => x.id).sort()).toEqual([...alliances].sort());
    expect(d.routes.map((x) => x.id).sort()).toEqual([...routes].sort());
  });

  it('filters a list by 500 alliance ids in one bound value', async () => {
    const { f } = await world;
    const need = await makeNeed(T, f.alliance, { title: '五百个编号里的那一条需求' });
    const ids = [...Array.from({ length: 499 }, (_, i) => newId('aln', i)), f.alliance.alliance.id];
    const { env, usage } = strictEnv();
    const def = findTenant(T)!;
    const ctx: Ctx = {
      db: openDb(env[def.binding] as D1Database),
      tenant: { slug: def.slug, code: def.code, name: def.name, kind: def.kind },
      actor: { userId: 'usr_limits', displayName: '测试', grants: [{ role: 'county_admin', scopeOrgId: null, scopeAllianceId: null }] },
      clock: systemClock,
      requestId: 'req_limits',
    };
    const rows = await allNeeds(ctx, { allianceIds: ids });
    expect(usage.violations).toEqual([]);
    expect(rows.map((n) => n.id)).toContain(need.id);
    expect(new Set(rows.map((n) => n.allianceId))).toEqual(new Set([f.alliance.alliance.id]));
  });
});

describe('1,000 queries per invocation, 2 MB per value, 6 connections', () => {
  it('imports 10,000 organizations in one invocation, and the name index has every one of them', async () => {
    const { token } = await world;
    const rows: Array<Array<string | number | null>> = [['组织名称', '上级组织', '组织类别', '所属领域', '书记姓名', '书记电话', '党员人数', '达标状态', '软弱涣散']];
    for (let s = 0; s < 100; s++) {
      rows.push([`限额街道${s}党工委`, null, '党工委', '街道', null, null, 0, null, null]);
      for (let c = 0; c < 99; c++) rows.push([`限额街道${s}第${c}社区党支部`, `限额街道${s}党工委`, '党支部', '社区', '王芳', '13904760000', c, null, null]);
    }
    const { res, usage } = await strictCall('POST', `/api/t/${T}/orgs/import`, { token, rawBody: await workbook(rows), headers: { 'content-type': XLSX } });
    expect(usage.violations).toEqual([]);
    expect(usage.queries).toBeLessThanOrEqual(D1_LIMITS.queriesPerInvocation);
    expect(usage.maxInFlight).toBeLessThanOrEqual(D1_LIMITS.connections);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 10_000, updated: 0, unchanged: 0 });
    // 17 characters: past LIKE's 50 bytes, through the trigram index the import's rows went into.
    const found = await strictCall('GET', `/api/t/${T}/orgs?q=${encodeURIComponent('限额街道42第98社区党支部')}`, { token });
    const body = (await found.res.json()) as { items: Array<{ name: string }>; total: number };
    expect(body.items.map((o) => o.name)).toEqual(['限额街道42第98社区党支部']);
  });

  it('imports 1,000 needs with 2,000-character descriptions (6 MB of text) in statements of under 2 MB each', async () => {
    const { f, token } = await world;
    const header = ['需求名称', '需求来源', '类别', '数量', '单位', '紧急程度', '截止日期', '提出单位', '需求描述'];
    const rows: Array<Array<string | number | null>> = [header];
    for (let i = 0; i < 1_000; i++) {
      const description = `第${i}条：${'独居老人助餐服务需求说明'.repeat(200)}`.slice(0, 2_000);
      rows.push([`限额需求${i}`, '成员单位', '养老服务', 5, '人次', '紧急', '2099-06-30', f.org.id, description]);
    }
    const { res, usage } = await strictCall('POST', `/api/t/${T}/needs/import?allianceId=${f.alliance.alliance.id}`, {
      token,
      rawBody: await workbook(rows),
      headers: { 'content-type': XLSX },
    });
    expect(usage.violations).toEqual([]);
    expect(res.status).toBe(200);
    const listed = await strictCall('GET', `/api/t/${T}/needs?allianceId=${f.alliance.alliance.id}&q=${encodeURIComponent('限额需求999')}`, { token });
    const page = (await listed.res.json()) as { items: Array<{ title: string; description: string }> };
    expect(page.items.map((n) => n.title)).toEqual(['限额需求999']);
    expect([...page.items[0]!.description]).toHaveLength(2_000);
  });
});
