import type { Organization, ResourceView } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, runSql, type TestUser } from '../../../../../../test/support/factories.ts';
import { communityOf, makeNeed, makeResource, streetOf } from '../../../../../../test/support/list-factories.ts';

// A need's suggestions keep their candidates in the isolate between requests (ADR 0034). Whatever changes what
// they would read — through the API, a factory's insert, or a statement run by hand — the next request sees it:
// the change counts move in the same statement (triggers), and a need that moved is ranked for where it is now.
const T = 'linxi';
const STREET = streetOf(T);
const COMMUNITY = communityOf(T);
const OTHER_STREET = `${STREET.slice(0, 6)}002`;
const P = (rest: string) => `/api/t/${T}${rest}`;
const run = (sql: string, ...params: unknown[]) => runSql(T, sql, ...params);

let committee: Organization;
let lead: Organization;
let member: Organization;
let alliance: MadeAlliance;
let leadUser: TestUser;

interface Ranked {
  suggestions: Array<{ resource: ResourceView; cost: number; reasons: string[]; factors: Array<{ factor: string; cost: number }> }>;
}
async function ranked(needId: string): Promise<Ranked['suggestions']> {
  const res = await call('GET', P(`/needs/${needId}/suggestions?limit=50`), { token: leadUser.token });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return (JSON.parse(text) as Ranked).suggestions;
}
const idsOf = async (needId: string) => (await ranked(needId)).map((s) => s.resource.id);

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' });
  member = await makeOrg(T, { kind: '党支部', domain: '机关' });
  alliance = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
  leadUser = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
});

describe('对接推荐 between requests (ADR 0034)', () => {
  it('sees a resource added, withdrawn through the API, or changed by a hand-run statement on the very next request', async () => {
    const need = await makeNeed(T, alliance, { categoryId: 'cat_culture', quantity: 3, streetCode: STREET, communityCode: COMMUNITY });
    const room = await makeResource(T, alliance, { title: '社区文化活动室', categoryId: 'cat_culture', scope: 'street' });
    expect(await idsOf(need.id)).toEqual([room.id]);

    // Added by a plain insert (the factory writes the table directly, as an import or a seed would).
    const troupe = await makeResource(T, alliance, { title: '乌兰牧骑小分队', categoryId: 'cat_culture', scope: 'county', streetCode: null, communityCode: null });
    expect((await idsOf(need.id)).sort()).toEqual([room.id, troupe.id].sort());

    // Withdrawn through the API (audited, versioned).
    const withdrawn = await call('POST', P(`/resources/${troupe.id}/withdraw`), { token: leadUser.token, headers: { 'if-match': '"v1"' }, body: { reason: '演出季结束' } });
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);
    expect(await idsOf(need.id)).toEqual([room.id]);

    // Filled up by a statement run by hand: no free units, so not suggested.
    await run('UPDATE resources SET allocated_qty = capacity WHERE id = ?', room.id);
    expect(await idsOf(need.id)).toEqual([]);
    await run('UPDATE resources SET allocated_qty = 0 WHERE id = ?', room.id);
    expect(await idsOf(need.id)).toEqual([room.id]);

    // Deleted by hand.
    const spare = await makeResource(T, alliance, { categoryId: 'cat_culture', scope: 'street' });
    expect(await idsOf(need.id)).toContain(spare.id);
    await run('DELETE FROM resources WHERE id = ?', spare.id);
    expect(await idsOf(need.id)).toEqual([room.id]);
  });

  it('re-reads an organization\'s load when another of its resources is promised, and a category that starts serving the need', async () => {
    const busy = await makeOrg(T, { kind: '党支部', domain: '机关' });
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [busy] });
    const need = await makeNeed(T, a, { categoryId: 'cat_culture', quantity: 2, streetCode: STREET, communityCode: COMMUNITY });
    const other = await makeResource(T, a, { offeringOrgId: busy.id, categoryId: 'cat_legal', capacity: 10, scope: 'county', streetCode: null, communityCode: null });
    const offered = await makeResource(T, a, { offeringOrgId: busy.id, categoryId: 'cat_culture', capacity: 10, scope: 'street' });
    const loadOf = async () => (await ranked(need.id)).find((s) => s.resource.id === offered.id)!.factors.find((f) => f.factor === 'load')!.cost;
    // busy offers 20 units and has promised none: load 0 → band 0.
    expect(await loadOf()).toBe(0);
    // 10 of its 20 units promised elsewhere: load 0.5 → band floor(2.5) = 2.
    await run('UPDATE resources SET allocated_qty = 10 WHERE id = ?', other.id);
    expect(await loadOf()).toBe(2);
    // Released again (the other resource then has free units of its own).
    await run('UPDATE resources SET allocated_qty = 0 WHERE id = ?', other.id);
    expect(await loadOf()).toBe(0);

    // 法律服务 does not serve 文化活动 in the seeded taxonomy, until someone says it does.
    expect(await idsOf(need.id)).not.toContain(other.id);
    await run(`UPDATE list_categories SET also_serves = '["cat_culture"]' WHERE id = 'cat_legal'`);
    try {
      const withLegal = await ranked(need.id);
      expect(withLegal.map((s) => s.resource.id)).toContain(other.id);
      expect(withLegal.find((s) => s.resource.id === other.id)!.reasons[0]).toBe('兼容类别：“法律服务”可满足“文化活动”');
    } finally {
      await run(`UPDATE list_categories SET also_serves = '[]' WHERE id = 'cat_legal'`);
    }
    expect(await idsOf(need.id)).not.toContain(other.id);
  });

  it('ranks a need that moved to another street for where it is now, and two needs of one category and street alike', async () => {
    const here = await makeResource(T, alliance, { title: '本街道义诊队', categoryId: 'cat_health', scope: 'street', streetCode: STREET, communityCode: null });
    const there = await makeResource(T, alliance, { title: '另一街道义诊队', categoryId: 'cat_health', scope: 'street', streetCode: OTHER_STREET, communityCode: null });
    const need = await makeNeed(T, alliance, { categoryId: 'cat_health', quantity: 2, streetCode: STREET, communityCode: COMMUNITY });
    const twin = await makeNeed(T, alliance, { categoryId: 'cat_health', quantity: 5, streetCode: STREET, communityCode: null });
    expect(await idsOf(need.id)).toEqual([here.id]);
    expect(await idsOf(twin.id)).toEqual([here.id]);
    // A need's place changes no resource count: the need's own row, read on every request, tells where it is.
    await run('UPDATE needs SET street_code = ?, community_code = ? WHERE id = ?', OTHER_STREET, `${OTHER_STREET}001`, need.id);
    expect(await idsOf(need.id)).toEqual([there.id]);
    expect(await idsOf(twin.id)).toEqual([here.id]);
    await run(`UPDATE needs SET category_id = 'cat_bath' WHERE id = ?`, need.id);
    expect(await idsOf(need.id)).toEqual([]);
  });

  it('counts every change of a resource or a category in the statement that makes it', async () => {
    const counts = async () =>
      Object.fromEntries(((await run('SELECT name, version FROM data_versions')) as Array<{ name: string; version: number }>).map((r) => [r.name, r.version]));
    const before = await counts();
    // One row per counted table (migrations 0031 and 0032).
    expect(Object.keys(before).sort()).toEqual(['alliances', 'list_categories', 'needs', 'organizations', 'project_claims', 'projects', 'resources']);
    const r = await makeResource(T, alliance, { categoryId: 'cat_health' });
    await run('UPDATE resources SET title = ? WHERE id = ?', '改名的资源', r.id);
    await run('DELETE FROM resources WHERE id = ?', r.id);
    await run(`UPDATE list_categories SET sort_order = sort_order WHERE id = 'cat_health'`);
    expect(await counts()).toEqual({ ...before, resources: before.resources! + 3, list_categories: before.list_categories! + 1 });
  });
});
