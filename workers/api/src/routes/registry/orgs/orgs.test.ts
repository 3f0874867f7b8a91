import { describe, expect, it } from 'vitest';
import { makeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts } from '../../../../../../test/support/factories.ts';
import { makeStandardization, THIS_YEAR } from '../../../../../../test/support/honours-factories.ts';

const T = 'hongshan';

async function admin() {
  return makeUser([{ tenant: T, role: 'county_admin' }]);
}

describe('organization registry: create, read, update, deactivate', () => {
  it('creates an organization under a parent and records it in the audit log', async () => {
    const a = await admin();
    const street = await makeOrg(T, { name: '铁南街道党工委', kind: '党工委', domain: '街道' });
    const res = await call('POST', `/api/t/${T}/orgs`, {
      token: a.token,
      body: { parentId: street.id, name: '长青社区党委', kind: '党委', domain: '社区', secretaryPhone: '13904760001', memberCount: 56 },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"v1"');
    const org = (await res.json()) as { id: string; parentName: string; depth: number; secretaryPhone: string };
    expect(org.parentName).toBe('铁南街道党工委');
    expect(org.depth).toBe(1);
    expect(org.secretaryPhone).toBe('13904760001');

    const audit = (await (await call('GET', `/api/t/${T}/audit?entityId=${org.id}`, { token: a.token })).json()) as {
      items: Array<{ action: string; actorId: string; after: { name: string } }>;
    };
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'org.create', actorId: a.id, after: { name: '长青社区党委' } });
  });

  it('refuses a duplicate name under the same parent with 409', async () => {
    const a = await admin();
    const parent = await makeOrg(T, { kind: '党工委', domain: '街道' });
    await makeOrg(T, { parent, name: '站前社区党委', kind: '党委' });
    const before = await snapshotCounts(T);
    const res = await call('POST', `/api/t/${T}/orgs`, { token: a.token, body: { parentId: parent.id, name: '站前社区党委', kind: '党委', domain: '社区' } });
    expect(res.status).toBe(409);
    expect(await snapshotCounts(T)).toEqual(before);
  });

  it('updates with If-Match, bumps the ETag, and answers 412 to a stale write and 428 without If-Match', async () => {
    const a = await admin();
    const org = await makeOrg(T);
    const get = await call('GET', `/api/t/${T}/orgs/${org.id}`, { token: a.token });
    const etag = get.headers.get('etag')!;
    expect(etag).toBe('"v1"');

    const none = await call('PATCH', `/api/t/${T}/orgs/${org.id}`, { token: a.token, body: { memberCount: 30 } });
    expect(none.status).toBe(428);

    const ok = await call('PATCH', `/api/t/${T}/orgs/${org.id}`, { token: a.token, body: { memberCount: 30 }, headers: { 'if-match': etag } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"v2"');
    expect(((await ok.json()) as { memberCount: number }).memberCount).toBe(30);

    // The audit row's before/after hold the same stored fields, so a diff shows exactly what changed.
    const audit = (await (await call('GET', `/api/t/${T}/audit?entityId=${org.id}&action=org.update`, { token: a.token })).json()) as {
      items: Array<{ before: Record<string, unknown>; after: Record<string, unknown> }>;
    };
    const { before: b, after: af } = audit.items[0]!;
    expect(Object.keys(af).sort()).toEqual(Object.keys(b).sort());
    const changed = Object.keys(af).filter((k) => JSON.stringify(af[k]) !== JSON.stringify(b[k]));
    expect(changed.sort()).toEqual(['memberCount', 'updatedAt', 'version']);

    const before = await snapshotCounts(T);
    const stale = await call('PATCH', `/api/t/${T}/orgs/${org.id}`, { token: a.token, body: { memberCount: 31 }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { code: string }).code).toBe('precondition_failed');
    expect(await snapshotCounts(T)).toEqual(before);
  });

  it('moves an organization with its subtree, and refuses a move under its own descendant', async () => {
    const a = await admin();
    const s1 = await makeOrg(T, { kind: '党工委', domain: '街道', name: '东城街道党工委' });
    const s2 = await makeOrg(T, { kind: '党工委', domain: '街道', name: '西城街道党工委' });
    const comm = await makeOrg(T, { parent: s1, kind: '党委', name: '向阳社区党委' });
    const grid = await makeOrg(T, { parent: comm, name: '向阳社区第一网格党支部', domain: '网格' });

    const cyc = await call('PATCH', `/api/t/${T}/orgs/${comm.id}`, { token: a.token, body: { parentId: grid.id }, headers: { 'if-match': '"v1"' } });
    expect(cyc.status).toBe(422);

    const mv = await call('PATCH', `/api/t/${T}/orgs/${comm.id}`, { token: a.token, body: { parentId: s2.id }, headers: { 'if-match': '"v1"' } });
    expect(mv.status).toBe(200);
    const under = (await (await call('GET', `/api/t/${T}/orgs?under=${s2.id}`, { token: a.token })).json()) as { items: Array<{ id: string }> };
    expect(under.items.map((o) => o.id).sort()).toEqual([s2.id, comm.id, grid.id].sort());
    const gridNow = (await (await call('GET', `/api/t/${T}/orgs/${grid.id}`, { token: a.token })).json()) as { depth: number };
    expect(gridNow.depth).toBe(2);
  });

  it('seed 004 designations (issue 10): a new branch starts 未达标; editing an organization never sets 最强党支部, at any level, for any role', async () => {
    const a = await admin();
    const created = await call('POST', `/api/t/${T}/orgs`, { token: a.token, body: { name: `新建评定党支部${Date.now()}`, kind: '党支部', domain: '社区', qualityStatus: '标准化规范化' } });
    expect(created.status).toBe(422);
    const cp = (await created.json()) as { code: string; errors: Array<{ path: string }> };
    expect(cp.code).toBe('validation_failed');
    expect(cp.errors.map((e) => e.path)).toContain('body.qualityStatus');

    /** The refusal: 409 conflict, reason strongest_by_edit, on the field, pointing to 最强党支部评定; nothing written. */
    const refusedByEdit = async (token: string, org: { id: string }, body: Record<string, unknown>, was: string) => {
      const res = await call('PATCH', `/api/t/${T}/orgs/${org.id}`, { token, body, headers: { 'if-match': '"v1"' } });
      expect(res.status).toBe(409);
      const p = (await res.json()) as { code: string; reason: string; detail: string; errors: Array<{ path: string }> };
      expect(p.code).toBe('conflict');
      expect(p.reason).toBe('strongest_by_edit');
      expect(p.detail).toContain('最强党支部评定');
      expect(p.errors.map((e) => e.path)).toEqual(['body.qualityStatus']);
      const now = (await (await call('GET', `/api/t/${T}/orgs/${org.id}`, { token: a.token })).json()) as { qualityStatus: string; version: number };
      expect(now).toMatchObject({ qualityStatus: was, version: 1 });
    };

    // The county administrator, on a standardized branch (区级) and on a 区级 one (市级).
    const std = await makeOrg(T, { kind: '党支部', qualityStatus: '标准化规范化' });
    await refusedByEdit(a.token, std, { qualityStatus: '最强党支部（区级）' }, '标准化规范化');
    const county = await makeOrg(T, { kind: '党支部', qualityStatus: '最强党支部（区级）' });
    await refusedByEdit(a.token, county, { qualityStatus: '最强党支部（市级）' }, '最强党支部（区级）');
    // Together with other fields: the whole edit is refused.
    await refusedByEdit(a.token, std, { qualityStatus: '最强党支部（区级）', memberCount: 30 }, '标准化规范化');
    // A jump from 未达标 gets the same answer (not the step-by-step rule): the edit is not the way at all.
    await refusedByEdit(a.token, await makeOrg(T, { kind: '党支部', qualityStatus: '未达标' }), { qualityStatus: '最强党支部（区级）' }, '未达标');

    // A street committee's reviewer.
    const street = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const under = await makeOrg(T, { parent: street, kind: '党支部', qualityStatus: '标准化规范化' });
    const reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]);
    await refusedByEdit(reviewer.token, under, { qualityStatus: '最强党支部（区级）' }, '标准化规范化');

    // Keeping the designation it holds while editing something else, and lowering it (取消评定), stay possible.
    const kept = await call('PATCH', `/api/t/${T}/orgs/${county.id}`, { token: a.token, body: { qualityStatus: '最强党支部（区级）', memberCount: 25 }, headers: { 'if-match': '"v1"' } });
    expect(kept.status).toBe(200);
    expect(await kept.json()).toMatchObject({ qualityStatus: '最强党支部（区级）', memberCount: 25 });
    const lowered = await call('PATCH', `/api/t/${T}/orgs/${county.id}`, { token: a.token, body: { qualityStatus: '标准化规范化' }, headers: { 'if-match': '"v2"' } });
    expect(lowered.status).toBe(200);
    expect(await lowered.json()).toMatchObject({ qualityStatus: '标准化规范化', qualityDesignatedBy: '红山区委组织部' });
  });

  it('最强党支部评定 (the honours capability) still designates the branch the edit refused, and the registry shows it', async () => {
    const a = await admin();
    const b = await makeOrg(T, { kind: '党支部', qualityStatus: '标准化规范化' });
    // This year's application, accepted with tallies that pass every rule of seed 004 三(四).
    await makeStandardization(T, b.id, 'accepted', { year: THIS_YEAR });
    const byEdit = await call('PATCH', `/api/t/${T}/orgs/${b.id}`, { token: a.token, body: { qualityStatus: '最强党支部（区级）' }, headers: { 'if-match': '"v1"' } });
    expect(byEdit.status).toBe(409);

    const designated = await call('POST', `/api/t/${T}/honours/county/designations`, { token: a.token, body: { orgId: b.id, year: THIS_YEAR, reason: '对照五个"强"的标准，综合评定' } });
    expect(designated.status).toBe(201);
    const org = (await (await call('GET', `/api/t/${T}/orgs/${b.id}`, { token: a.token })).json()) as Record<string, unknown>;
    expect(org).toMatchObject({ qualityStatus: '最强党支部（区级）', qualityYear: THIS_YEAR, qualityDesignatedBy: '区委组织部', version: 2 });
  });

  it('deactivates with a reason, refuses while children are active, and reactivates', async () => {
    const a = await admin();
    const parent = await makeOrg(T, { kind: '党委' });
    const child = await makeOrg(T, { parent });
    const blocked = await call('POST', `/api/t/${T}/orgs/${parent.id}/deactivate`, { token: a.token, body: { reason: '撤并' }, headers: { 'if-match': '"v1"' } });
    expect(blocked.status).toBe(409);

    const off = await call('POST', `/api/t/${T}/orgs/${child.id}/deactivate`, { token: a.token, body: { reason: '社区合并撤销' }, headers: { 'if-match': '"v1"' } });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ status: 'inactive', deactivationReason: '社区合并撤销' });
    const list = (await (await call('GET', `/api/t/${T}/orgs?parentId=${parent.id}`, { token: a.token })).json()) as { total: number };
    expect(list.total).toBe(0);
    const all = (await (await call('GET', `/api/t/${T}/orgs?parentId=${parent.id}&status=all`, { token: a.token })).json()) as { total: number };
    expect(all.total).toBe(1);

    const on = await call('POST', `/api/t/${T}/orgs/${child.id}/reactivate`, { token: a.token, headers: { 'if-match': '"v2"' } });
    expect(on.status).toBe(200);
    expect(((await on.json()) as { status: string }).status).toBe('active');
  });

  it('keeps the 市委 domain to the city committee: a county can neither create nor move an organization into it (issue 10 §3)', async () => {
    const a = await admin();
    const before = await snapshotCounts(T);
    const created = await call('POST', `/api/t/${T}/orgs`, { token: a.token, body: { name: '红山区冒名市委党委', kind: '党委', domain: '市委' } });
    expect(created.status).toBe(422);
    const cp = (await created.json()) as { code: string; errors: Array<{ path: string }> };
    expect(cp.code).toBe('validation_failed');
    expect(cp.errors.map((e) => e.path)).toEqual(['body.domain']);
    expect(await snapshotCounts(T)).toEqual(before);

    const org = await makeOrg(T, { kind: '党委', domain: '机关' });
    const moved = await call('PATCH', `/api/t/${T}/orgs/${org.id}`, { token: a.token, headers: { 'if-match': `"v${org.version}"` }, body: { domain: '市委' } });
    expect(moved.status).toBe(422);
    expect(((await moved.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['body.domain']);

    // The city registers its own committee there.
    const city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const own = await call('POST', '/api/t/chifeng/orgs', { token: city.token, body: { name: '市委测试党委', kind: '党委', domain: '市委' } });
    expect(own.status, await own.clone().text()).toBe(201);
  });

  it('keeps external member organizations outside the hierarchy', async () => {
    const a = await admin();
    const bad = await call('POST', `/api/t/${T}/orgs`, { token: a.token, body: { name: '北京市种子管理站党支部', kind: '党支部', domain: '事业单位', isExternal: true } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toContain('body.externalRegion');
    const ok = await call('POST', `/api/t/${T}/orgs`, {
      token: a.token,
      body: { name: '北京市种子管理站党支部', kind: '党支部', domain: '事业单位', isExternal: true, externalRegion: '北京市' },
    });
    expect(ok.status).toBe(201);
  });
});

describe('organization list: filters, search, cursor pagination, tree', () => {
  it('pages through every match exactly once with a capped page size', async () => {
    const a = await admin();
    const root = await makeOrg(T, { kind: '党工委', domain: '街道', name: '分页测试街道党工委' });
    for (let i = 0; i < 25; i++) await makeOrg(T, { parent: root, name: `分页测试社区${String(i).padStart(2, '0')}党支部` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/t/${T}/orgs?parentId=${root.id}&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await call('GET', q, { token: a.token })).json()) as { items: Array<{ name: string }>; nextCursor: string | null; total: number };
      expect(page.total).toBe(25);
      seen.push(...page.items.map((o) => o.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort());

    const tooBig = await call('GET', `/api/t/${T}/orgs?limit=1000`, { token: a.token });
    expect(tooBig.status).toBe(422);
    const badCursor = await call('GET', `/api/t/${T}/orgs?cursor=not-a-cursor`, { token: a.token });
    expect(badCursor.status).toBe(422);
  });

  it('searches by name and filters by domain, quality and weak flag', async () => {
    const a = await admin();
    await makeOrg(T, { name: '松州街道百合社区党委', kind: '党委', domain: '社区', weakFlag: true });
    await makeOrg(T, { name: '红山区第一中学党支部', domain: '学校', qualityStatus: '标准化规范化' });
    const q = (await (await call('GET', `/api/t/${T}/orgs?q=${encodeURIComponent('百合')}`, { token: a.token })).json()) as { items: Array<{ name: string }> };
    expect(q.items.map((o) => o.name)).toEqual(['松州街道百合社区党委']);
    const school = (await (await call('GET', `/api/t/${T}/orgs?domain=${encodeURIComponent('学校')}`, { token: a.token })).json()) as { items: Array<{ name: string }> };
    expect(school.items.map((o) => o.name)).toEqual(['红山区第一中学党支部']);
    const weak = (await (await call('GET', `/api/t/${T}/orgs?weakFlag=true`, { token: a.token })).json()) as { items: Array<{ name: string }> };
    expect(weak.items.map((o) => o.name)).toEqual(['松州街道百合社区党委']);
    // A literal % is text, not a wildcard.
    const pct = (await (await call('GET', `/api/t/${T}/orgs?q=${encodeURIComponent('%')}`, { token: a.token })).json()) as { total: number };
    expect(pct.total).toBe(0);
  });

  it('offers as approvers only the committees above a lead (seed 000 7.1), and can leave out external organizations', async () => {
    const a = await admin();
    const tag = Math.random().toString(36).slice(2, 6);
    const county = await makeOrg(T, { kind: '党委', domain: '旗县区委', name: `甲中共审批测试旗委员会${tag}` });
    const street = await makeOrg(T, { parent: county, kind: '党工委', domain: '街道', name: `乙审批测试街道党工委${tag}` });
    const otherStreet = await makeOrg(T, { parent: county, kind: '党工委', domain: '街道', name: `丙审批测试街道党工委${tag}` });
    const community = await makeOrg(T, { parent: street, kind: '党委', domain: '社区', name: `丁审批测试社区党委${tag}` });
    const branch = await makeOrg(T, { parent: community, kind: '党支部', domain: '社区', name: `戊审批测试第一党支部${tag}` });
    const page = (await (await call('GET', `/api/t/${T}/orgs?committeeFor=${branch.id}`, { token: a.token })).json()) as { items: Array<{ id: string }> };
    // The community 党委 is above the branch but is no approving committee; the other street is not above it.
    expect(page.items.map((o) => o.id).sort()).toEqual([county.id, street.id].sort());
    expect(page.items.map((o) => o.id)).not.toContain(otherStreet.id);
    const foreign = (await (await call('GET', `/api/t/${T}/orgs?committeeFor=no-such-org`, { token: a.token })).json()) as { total: number };
    expect(foreign.total).toBe(0);

    const name = `审批测试外部党支部${tag}`;
    await makeOrg(T, { name, isExternal: true, externalRegion: '北京市' });
    const q = encodeURIComponent(name);
    const inside = (await (await call('GET', `/api/t/${T}/orgs?q=${q}&external=false`, { token: a.token })).json()) as { total: number };
    expect(inside.total).toBe(0);
    const outside = (await (await call('GET', `/api/t/${T}/orgs?q=${q}&external=true`, { token: a.token })).json()) as { items: Array<{ name: string }> };
    expect(outside.items.map((o) => o.name)).toEqual([name]);
  });

  it('returns the tree as flat nodes with child counts', async () => {
    const a = await admin();
    const root = await makeOrg(T, { kind: '党委', domain: '旗县区委', name: '中共红山区委员会' });
    await makeOrg(T, { parent: root, kind: '党工委', domain: '街道' });
    await makeOrg(T, { parent: root, kind: '党工委', domain: '街道' });
    const tree = (await (await call('GET', `/api/t/${T}/orgs/tree`, { token: a.token })).json()) as { items: Array<{ id: string; childCount: number }> };
    expect(tree.items.find((n) => n.id === root.id)?.childCount).toBe(2);
  });
});

describe('personal data: phone numbers', () => {
  it('masks phones for members and shows them to the county admin and to a liaison for their own organization', async () => {
    const org = await makeOrg(T, { secretaryPhone: '13904761234' });
    const other = await makeOrg(T, { secretaryPhone: '13904769999' });
    const member = await makeUser([{ tenant: T, role: 'member' }]);
    const liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: org.id }]);
    const a = await admin();
    const view = async (token: string, id: string) => (await (await call('GET', `/api/t/${T}/orgs/${id}`, { token })).json()) as { secretaryPhone: string; phonesMasked: boolean };
    expect(await view(member.token, org.id)).toMatchObject({ secretaryPhone: '139****1234', phonesMasked: true });
    expect(await view(a.token, org.id)).toMatchObject({ secretaryPhone: '13904761234', phonesMasked: false });
    expect(await view(liaison.token, org.id)).toMatchObject({ secretaryPhone: '13904761234' });
    expect(await view(liaison.token, other.id)).toMatchObject({ secretaryPhone: '139****9999' });
  });
});

describe('scoped roles', () => {
  it('a committee reviewer writes inside its subtree only; a liaison edits contacts of its own organization only', async () => {
    const street = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const inside = await makeOrg(T, { parent: street });
    const outside = await makeOrg(T);
    const reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]);
    // The views say so up front, for the UI's buttons.
    const canOf = async (id: string) => ((await (await call('GET', `/api/t/${T}/orgs/${id}`, { token: reviewer.token })).json()) as { can: { update: boolean } }).can;
    expect(await canOf(inside.id)).toEqual({ update: true, deactivate: true });
    expect(await canOf(outside.id)).toEqual({ update: false, deactivate: false });
    const ok = await call('PATCH', `/api/t/${T}/orgs/${inside.id}`, { token: reviewer.token, body: { memberCount: 9 }, headers: { 'if-match': '"v1"' } });
    expect(ok.status).toBe(200);
    const no = await call('PATCH', `/api/t/${T}/orgs/${outside.id}`, { token: reviewer.token, body: { memberCount: 9 }, headers: { 'if-match': '"v1"' } });
    expect(no.status).toBe(403);
    const create = await call('POST', `/api/t/${T}/orgs`, { token: reviewer.token, body: { parentId: street.id, name: '新建网格党支部', kind: '党支部', domain: '网格' } });
    expect(create.status).toBe(201);
    const top = await call('POST', `/api/t/${T}/orgs`, { token: reviewer.token, body: { name: '越权顶层党组织', kind: '党委', domain: '机关' } });
    expect(top.status).toBe(403);

    const liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: outside.id }]);
    const contact = await call('PATCH', `/api/t/${T}/orgs/${outside.id}`, { token: liaison.token, body: { liaisonName: '赵丽' }, headers: { 'if-match': '"v1"' } });
    expect(contact.status).toBe(200);
    const status = await call('PATCH', `/api/t/${T}/orgs/${outside.id}`, { token: liaison.token, body: { qualityStatus: '标准化规范化' }, headers: { 'if-match': '"v2"' } });
    expect(status.status).toBe(403);
  });
});

describe('organization registry and alliances', () => {
  it('refuses to deactivate an organization that still leads an alliance', async () => {
    const T2 = 'balinzuo';
    const admin = await makeUser([{ tenant: T2, role: 'county_admin' }]);
    const street = await makeOrg(T2, { kind: '党工委', domain: '街道' });
    const leader = await makeOrg(T2, { parent: street });
    const made = await makeAlliance(T2, { lead: leader, committee: street, status: 'active' });
    const res = await call('POST', `/api/t/${T2}/orgs/${leader.id}/deactivate`, { token: admin.token, body: { reason: '撤并' }, headers: { 'if-match': '"v1"' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toContain(made.alliance.name);
  });
});
