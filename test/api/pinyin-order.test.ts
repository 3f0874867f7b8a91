// Chinese names sort by pinyin (issue 10 §3 "Order and fit", ADR 0018): the
// lists keep a sort key written with every name and page on (sort_key, id).
// Expected orders are written by hand from the names' pinyin.
import { openDb } from '@ronghe/core';
import { alliances, organizations, users } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { fillSortKeys } from '../../workers/edge/src/scheduled.ts';
import { makeAlliance } from '../support/alliance-factories.ts';
import { call, makeOrg, makeUser } from '../support/factories.ts';
import { bindings } from '../support/worker.ts';

const T = 'balinyou';
const tenantDb = () => openDb(bindings[findTenant(T)!.binding]!);

// 阿 a · 李 li · 王 wang · 张 zhang · 赵 zhao — by code point they would be 张(5F20) 李(674E) 王(738B) 赵(8D75) 阿(963F).
const SURNAMES = ['张', '李', '王', '阿', '赵'];
const PINYIN_ORDER = ['阿', '李', '王', '张', '赵'];

/** Every page of a keyset-paged list, `limit` rows at a time. */
async function allPages<T>(path: string, token: string, limit: number): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await call('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: T[]; nextCursor: string | null };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('pinyin order', () => {
  it('organizations created through the API list in pinyin order, across pages of two', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const parent = await makeOrg(T, { kind: '党工委', domain: '街道' });
    for (const s of SURNAMES) {
      const res = await call('POST', `/api/t/${T}/orgs`, { token: admin.token, body: { parentId: parent.id, name: `${s}家营子村党支部`, kind: '党支部', domain: '嘎查村' } });
      expect(res.status).toBe(201);
    }
    const items = await allPages<{ name: string }>(`/api/t/${T}/orgs?parentId=${parent.id}`, admin.token, 2);
    expect(items.map((o) => o.name)).toEqual(PINYIN_ORDER.map((s) => `${s}家营子村党支部`));
  });

  it('a renamed organization moves to its new place (the key follows the name on update)', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const parent = await makeOrg(T, { kind: '党工委', domain: '街道' });
    for (const s of ['李', '王']) await makeOrg(T, { parent, name: `${s}家社区党支部` });
    const zhao = await makeOrg(T, { parent, name: '赵家社区党支部' });
    const res = await call('PATCH', `/api/t/${T}/orgs/${zhao.id}`, { token: admin.token, body: { name: '阿家社区党支部' }, headers: { 'if-match': '"v1"' } });
    expect(res.status).toBe(200);
    const items = await allPages<{ name: string }>(`/api/t/${T}/orgs?parentId=${parent.id}`, admin.token, 100);
    expect(items.map((o) => o.name)).toEqual(['阿家社区党支部', '李家社区党支部', '王家社区党支部']);
  });

  it('an Excel import writes the key of every row it creates', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const tag = crypto.randomUUID().slice(0, 6);
    const parentName = `导入测试${tag}街道党工委`;
    await makeOrg(T, { name: parentName, kind: '党工委', domain: '街道' });
    const rows = SURNAMES.map((s) => [`${s}窝铺${tag}村党支部`, parentName, '党支部', '嘎查村', null, null, 9, null, '否']);
    const data = [['组织名称', '上级组织', '组织类别', '所属领域', '书记姓名', '书记电话', '党员人数', '达标状态', '软弱涣散'], ...rows].map((r) => r.map((value) => ({ value })));
    const bytes = await (await writeXlsxFile(data as never).toBlob()).arrayBuffer();
    const res = await call('POST', `/api/t/${T}/orgs/import`, { token: admin.token, rawBody: bytes, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    expect(res.status).toBe(200);
    const parent = (await tenantDb().select().from(organizations).where(eq(organizations.name, parentName)))[0]!;
    const items = await allPages<{ name: string }>(`/api/t/${T}/orgs?parentId=${parent.id}`, admin.token, 2);
    expect(items.map((o) => o.name)).toEqual(PINYIN_ORDER.map((s) => `${s}窝铺${tag}村党支部`));
  });

  it('alliances list in pinyin order, a rename included', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const made = [];
    for (const s of SURNAMES) {
      const lead = await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' });
      made.push(await makeAlliance(T, { lead, committee, status: 'draft', name: `${s}庄党建联合体` }));
    }
    // 张庄 → 安庄 (an): through the API, so the update path keeps the key.
    const zhang = made[0]!;
    const res = await call('PATCH', `/api/t/${T}/alliances/${zhang.alliance.id}`, { token: admin.token, body: { name: '安庄党建联合体' }, headers: { 'if-match': '"v1"' } });
    expect(res.status).toBe(200);
    const items = await allPages<{ name: string }>(`/api/t/${T}/alliances?committeeId=${committee.id}`, admin.token, 2);
    expect(items.map((a) => a.name)).toEqual(['阿庄党建联合体', '安庄党建联合体', '李庄党建联合体', '王庄党建联合体', '赵庄党建联合体']);
  });

  it('accounts list in pinyin order of their display names', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const tag = crypto.randomUUID().slice(0, 6);
    for (const [i, s] of SURNAMES.entries()) {
      const res = await call('POST', `/api/t/${T}/accounts`, {
        token: admin.token,
        body: { username: `py${tag}${i}`, displayName: `${s}晓${tag}`, password: 'Pinyin#2026x', grants: [{ role: 'member' }] },
      });
      expect(res.status).toBe(201);
    }
    const res = await call('GET', `/api/t/${T}/accounts`, { token: admin.token });
    const items = ((await res.json()) as { items: Array<{ displayName: string }> }).items.filter((a) => a.displayName.endsWith(tag));
    expect(items.map((a) => a.displayName)).toEqual(PINYIN_ORDER.map((s) => `${s}晓${tag}`));
  });

  it('red routes list in pinyin order', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const stops = [];
    for (let i = 0; i < 2; i++) stops.push((await makeAlliance(T, { lead: await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' }), committee })).alliance.id);
    const tag = crypto.randomUUID().slice(0, 6);
    for (const s of SURNAMES) {
      const res = await call('POST', `/api/t/${T}/red-routes`, { token: admin.token, body: { name: `${s}家${tag}红色风景线`, theme: '乡村振兴', description: '沿线联合体的红色阵地', allianceIds: stops } });
      expect(res.status).toBe(201);
    }
    const res = await call('GET', `/api/t/${T}/red-routes`, { token: admin.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ name: string }> } | Array<{ name: string }>;
    const items = (Array.isArray(body) ? body : body.items).filter((r) => r.name.includes(tag));
    expect(items.map((r) => r.name)).toEqual(PINYIN_ORDER.map((s) => `${s}家${tag}红色风景线`));
  });

  it('rows stored before the sort key get theirs from the backfill, and then list in order', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const parent = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const ids: string[] = [];
    for (const s of SURNAMES) ids.push((await makeOrg(T, { parent, name: `${s}屯村党支部` })).id);
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const lead = await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' });
    const a = await makeAlliance(T, { lead, committee, status: 'draft', name: '赵屯党建联合体' });
    const u = await makeUser([{ tenant: T, role: 'member' }], { displayName: '阿拉坦', login: false });
    // As a database migrated from before ADR 0018 holds them: the column's default, ''.
    const db = tenantDb();
    await db.update(organizations).set({ sortKey: '' }).where(inArray(organizations.id, ids));
    await db.update(alliances).set({ sortKey: '' }).where(eq(alliances.id, a.alliance.id));
    const control = openDb(bindings.DB_CONTROL!);
    await control.update(users).set({ sortKey: '' }).where(eq(users.id, u.id));

    const filled = await fillSortKeys(bindings as unknown as Record<string, unknown>, { tenants: [findTenant(T)!] });
    expect(filled[`${T}.organizations`]).toBeGreaterThanOrEqual(5);
    expect(filled[`${T}.alliances`]).toBeGreaterThanOrEqual(1);
    expect(filled['control.users']).toBeGreaterThanOrEqual(1);

    const items = await allPages<{ name: string }>(`/api/t/${T}/orgs?parentId=${parent.id}`, admin.token, 2);
    expect(items.map((o) => o.name)).toEqual(PINYIN_ORDER.map((s) => `${s}屯村党支部`));
    expect((await db.select({ k: alliances.sortKey }).from(alliances).where(eq(alliances.id, a.alliance.id)))[0]!.k).toBe('zhao tun dang jian lian he ti\u0001赵屯党建联合体');
    expect((await control.select({ k: users.sortKey }).from(users).where(eq(users.id, u.id)))[0]!.k).toBe('a la tan\u0001阿拉坦');
  });
});
