import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import type { AssignmentView, NeedView, Organization, ResourceView } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts, type TestUser } from '../../../../../../test/support/factories.ts';
import { communityOf, makeNeed, makeResource, streetOf } from '../../../../../../test/support/list-factories.ts';

// The needs and resources lists and the matching between them, as an alliance
// works them: members raise needs and open resources, the lead asks for
// suggestions or the optimal plan, accepts matches into projects — and the
// quantities never go past what was asked or offered, even when two people
// accept at once.
const T = 'keshiketeng';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STREET = streetOf(T);
const COMMUNITY = communityOf(T);
const OTHER_STREET = `${streetOf(T).slice(0, 6)}002`;

let committee: Organization;
let lead: Organization;
let member: Organization;
let outsider: Organization;
let alliance: MadeAlliance;
let draft: MadeAlliance;
let admin: TestUser;
let leadUser: TestUser;
let liaison: TestUser;
let outsiderLiaison: TestUser;
let plainMember: TestUser;

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return text ? (JSON.parse(text) as T) : (undefined as T);
}
const P = (rest: string) => `/api/t/${T}${rest}`;
const v = (x: { version: number }) => ({ 'if-match': `"v${x.version}"` });
const uniq = () => Math.random().toString(36).slice(2, 8);
const needBody = (extra: Record<string, unknown> = {}) => ({
  allianceId: alliance.alliance.id,
  title: `独居老人助餐${uniq()}`,
  source: '成员单位',
  categoryId: 'cat_elderly',
  quantity: 10,
  unit: '人次',
  streetCode: STREET,
  communityCode: COMMUNITY,
  urgency: 3,
  deadline: '2099-12-31',
  raisedByOrgId: member.id,
  raiserName: '张大妈',
  raiserPhone: '13904761234',
  ...extra,
});

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' });
  member = await makeOrg(T, { kind: '党支部', domain: '机关' });
  outsider = await makeOrg(T, { kind: '党支部', domain: '非公有制企业' });
  alliance = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
  draft = await makeAlliance(T, { lead, committee, status: 'draft', members: [member] });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  leadUser = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
  liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: member.id }]);
  outsiderLiaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: outsider.id }]);
  plainMember = await makeUser([{ tenant: T, role: 'member' }]);
});

describe('需求清单', () => {
  it('a member organization raises a need for itself, not for others, and only in a formed alliance', async () => {
    const n = await json<NeedView>(await call('POST', P('/needs'), { token: liaison.token, body: needBody() }), 201);
    expect(n).toMatchObject({ status: 'open', remainingQty: 10, committedQty: 0, raisedByOrgName: member.name, allianceName: alliance.alliance.name });
    expect(n.can).toMatchObject({ update: true, withdraw: true, close: false });

    const forLead = await call('POST', P('/needs'), { token: liaison.token, body: needBody({ raisedByOrgId: lead.id }) });
    expect(forLead.status).toBe(403);
    expect((await forLead.json()) as { detail: string }).toMatchObject({ detail: expect.stringMatching(/需求/) });
    // An organization outside the alliance speaks for itself but is not a member: refused on the field.
    const outside = await json<{ errors: Array<{ path: string; message: string }> }>(await call('POST', P('/needs'), { token: outsiderLiaison.token, body: needBody({ raisedByOrgId: outsider.id }) }), 422);
    expect(outside.errors).toEqual([{ path: 'body.raisedByOrgId', message: '提出单位须为该联合体的现有成员单位' }]);

    const inDraft = await json<{ detail: string }>(await call('POST', P('/needs'), { token: admin.token, body: needBody({ allianceId: draft.alliance.id }) }), 409);
    expect(inDraft.detail).toContain('尚未组建');
  });

  it('refuses what the county does not have, field by field, in Chinese', async () => {
    const before = await snapshotCounts(T);
    const p = await json<{ errors: Array<{ path: string; message: string }> }>(
      await call('POST', P('/needs'), {
        token: admin.token,
        body: needBody({ categoryId: 'cat_nope', deadline: '2020-01-01', raisedByOrgId: outsider.id, streetCode: '150402001', communityCode: '150402001001' }),
      }),
      422,
    );
    const paths = p.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.categoryId', 'body.deadline', 'body.raisedByOrgId', 'body.streetCode', 'body.communityCode']));
    expect(p.errors.find((e) => e.path === 'body.raisedByOrgId')!.message).toBe('提出单位须为该联合体的现有成员单位');
    expect(await snapshotCounts(T)).toEqual(before);
  });

  it("shows a resident's phone in full only to the people who act on the need", async () => {
    const n = await makeNeed(T, alliance, { raisedByOrgId: member.id, raiserPhone: '13904765678' });
    expect((await json<NeedView>(await call('GET', P(`/needs/${n.id}`), { token: leadUser.token }), 200)).raiserPhone).toBe('13904765678');
    expect((await json<NeedView>(await call('GET', P(`/needs/${n.id}`), { token: liaison.token }), 200)).raiserPhone).toBe('13904765678');
    expect((await json<NeedView>(await call('GET', P(`/needs/${n.id}`), { token: plainMember.token }), 200)).raiserPhone).toBe('139****5678');
  });

  it('filters, searches and pages the list, newest first', async () => {
    const tag = uniq();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeNeed(T, alliance, { title: `环境整治${tag}-${i}`, categoryId: 'cat_environment', createdAt: Date.now() + i }));
    await makeNeed(T, alliance, { title: `逾期需求${tag}`, deadline: '2021-01-01' });
    const page1 = await json<{ items: NeedView[]; nextCursor: string; total: number }>(await call('GET', P(`/needs?q=${tag}&categoryId=cat_environment&limit=2`), { token: plainMember.token }), 200);
    expect(page1.total).toBe(3);
    expect(page1.items.map((n) => n.title)).toEqual([`环境整治${tag}-2`, `环境整治${tag}-1`]);
    const page2 = await json<{ items: NeedView[]; nextCursor: string | null }>(await call('GET', P(`/needs?q=${tag}&categoryId=cat_environment&limit=2&cursor=${page1.nextCursor}`), { token: plainMember.token }), 200);
    expect(page2.items.map((n) => n.title)).toEqual([`环境整治${tag}-0`]);
    expect(page2.nextCursor).toBeNull();
    const overdue = await json<{ items: NeedView[] }>(await call('GET', P(`/needs?q=${tag}&overdue=true`), { token: plainMember.token }), 200);
    expect(overdue.items.map((n) => [n.title, n.overdue])).toEqual([[`逾期需求${tag}`, true]]);
    const bad = await json<{ errors: Array<{ path: string }> }>(await call('GET', P('/needs?cursor=garbage'), { token: plainMember.token }), 422);
    expect(bad.errors[0]!.path).toBe('query.cursor');
  });

  it('keeps quantities whole when editing, and only withdraws or closes what nothing depends on', async () => {
    const n = await makeNeed(T, alliance, { raisedByOrgId: member.id, quantity: 10, committedQty: 3, fulfilledQty: 2, status: 'partly_met' });
    const low = await json<{ errors: Array<{ path: string; message: string }> }>(await call('PATCH', P(`/needs/${n.id}`), { token: liaison.token, body: { quantity: 4 }, headers: v(n) }), 422);
    expect(low.errors[0]).toMatchObject({ path: 'body.quantity', message: expect.stringContaining('5人次') });
    const ok = await json<NeedView>(await call('PATCH', P(`/needs/${n.id}`), { token: liaison.token, body: { quantity: 5 }, headers: v(n) }), 200);
    expect(ok).toMatchObject({ quantity: 5, remainingQty: 0, status: 'partly_met', version: 2 });
    expect((await call('PATCH', P(`/needs/${n.id}`), { token: liaison.token, body: { quantity: 6 }, headers: v(n) })).status).toBe(412);
    const withdraw = await json<{ detail: string }>(await call('POST', P(`/needs/${n.id}/withdraw`), { token: liaison.token, body: { reason: '不需要了' }, headers: v(ok) }), 409);
    expect(withdraw.detail).toContain('已承诺或正在实施');

    const free = await makeNeed(T, alliance, { raisedByOrgId: member.id });
    expect((await call('POST', P(`/needs/${free.id}/close`), { token: liaison.token, body: { reason: '需求方已搬离' }, headers: v(free) })).status).toBe(403);
    const closed = await json<NeedView>(await call('POST', P(`/needs/${free.id}/close`), { token: leadUser.token, body: { reason: '需求方已搬离' }, headers: v(free) }), 200);
    expect(closed).toMatchObject({ status: 'closed', closedReason: '需求方已搬离', can: { update: false, withdraw: false, match: false } });
    const again = await json<{ detail: string }>(await call('PATCH', P(`/needs/${free.id}`), { token: leadUser.token, body: { urgency: 1 }, headers: v(closed) }), 409);
    expect(again.detail).toContain('已关闭');
  });
});

describe('资源清单', () => {
  it('an organization opens its own resources; capacity never drops below what is promised', async () => {
    const body = { allianceId: alliance.alliance.id, offeringOrgId: member.id, title: `机关党员志愿服务队${uniq()}`, kind: '人才', categoryId: 'cat_elderly', capacity: 20, unit: '人次', streetCode: STREET, scope: 'street' };
    const r = await json<ResourceView>(await call('POST', P('/resources'), { token: liaison.token, body }), 201);
    expect(r).toMatchObject({ status: 'available', remainingQty: 20, offeringOrgName: member.name, can: { update: true, withdraw: true } });
    expect((await call('POST', P('/resources'), { token: liaison.token, body: { ...body, offeringOrgId: lead.id } })).status).toBe(403);
    const notMember = await json<{ errors: Array<{ path: string }> }>(await call('POST', P('/resources'), { token: admin.token, body: { ...body, offeringOrgId: outsider.id } }), 422);
    expect(notMember.errors.map((e) => e.path)).toEqual(['body.offeringOrgId']);

    const used = await makeResource(T, alliance, { offeringOrgId: member.id, capacity: 10, allocatedQty: 6 });
    const low = await json<{ errors: Array<{ path: string; message: string }> }>(await call('PATCH', P(`/resources/${used.id}`), { token: liaison.token, body: { capacity: 5 }, headers: v(used) }), 422);
    expect(low.errors[0]!.message).toContain('6人次');
    const full = await json<ResourceView>(await call('PATCH', P(`/resources/${used.id}`), { token: liaison.token, body: { capacity: 6 }, headers: v(used) }), 200);
    expect(full).toMatchObject({ status: 'exhausted', remainingQty: 0 });
    const gone = await json<ResourceView>(await call('POST', P(`/resources/${used.id}/withdraw`), { token: liaison.token, body: { reason: '队伍调整' }, headers: v(full) }), 200);
    expect(gone).toMatchObject({ status: 'withdrawn', remainingQty: 0, allocatedQty: 6 });
  });

  it('refuses an availability window that ends before it starts, on create and on update (issue 10 §2)', async () => {
    const body = { allianceId: alliance.alliance.id, offeringOrgId: member.id, title: `倒置可用期${uniq()}`, kind: '服务', categoryId: 'cat_elderly', capacity: 5, unit: '人次', streetCode: STREET, scope: 'street' };
    const before = await snapshotCounts(T);
    const made = await json<{ code: string; errors: Array<{ path: string; message: string }> }>(
      await call('POST', P('/resources'), { token: liaison.token, body: { ...body, availableFrom: '2099-03-01', availableTo: '2099-02-01' } }),
      422,
    );
    expect(made.code).toBe('validation_failed');
    expect(made.errors).toEqual([expect.objectContaining({ path: 'json.availableTo', message: '可用结束日期不能早于开始日期' })]);
    expect(await snapshotCounts(T)).toEqual(before);
    // Only the start changes, past the stored end: refused against what is stored.
    const r = await makeResource(T, alliance, { offeringOrgId: member.id, availableFrom: '2099-01-01', availableTo: '2099-02-01' });
    const moved = await json<{ errors: Array<{ path: string; message: string }> }>(await call('PATCH', P(`/resources/${r.id}`), { token: liaison.token, body: { availableFrom: '2099-03-01' }, headers: v(r) }), 422);
    expect(moved.errors).toEqual([{ path: 'body.availableTo', message: '可用结束日期不能早于开始日期' }]);
  });
});

describe('需求对接', () => {
  it('suggests feasible resources ranked by cost, explains each factor, and forgets refused pairs', async () => {
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    const need = await makeNeed(T, a, { categoryId: 'cat_culture', quantity: 5, urgency: 4, streetCode: STREET, communityCode: COMMUNITY, gridName: '第一网格' });
    const near = await makeResource(T, a, { title: '社区文化活动室', categoryId: 'cat_culture', scope: 'community', streetCode: STREET, communityCode: COMMUNITY });
    const venue = await makeResource(T, a, { title: '街道党群服务中心', categoryId: 'cat_venue', scope: 'street', streetCode: STREET, communityCode: null });
    const far = await makeResource(T, a, { title: '另一街道的活动室', categoryId: 'cat_culture', scope: 'street', streetCode: OTHER_STREET, communityCode: `${OTHER_STREET}001` });
    const wrong = await makeResource(T, a, { title: '法律咨询', categoryId: 'cat_legal', scope: 'county' });
    const otherUnit = await makeResource(T, a, { title: '文艺演出', categoryId: 'cat_culture', unit: '场', scope: 'county' });
    const s = await json<{ suggestions: Array<{ resource: ResourceView; quantity: number; cost: number; factors: Array<{ factor: string; label: string }> }>; rejected: unknown[] }>(
      await call('GET', P(`/needs/${need.id}/suggestions`), { token: leadUser.token }),
      200,
    );
    const ids = s.suggestions.map((x) => x.resource.id);
    expect(ids).toContain(near.id);
    expect(ids).toContain(venue.id); // 场地 also serves 文化活动 (the seeded taxonomy)
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(wrong.id);
    expect(ids).not.toContain(otherUnit.id); // counted in 场, the need in 人次
    expect(ids.indexOf(near.id)).toBeLessThan(ids.indexOf(venue.id));
    const reasons = (id: string) => (s.suggestions.find((x) => x.resource.id === id) as unknown as { reasons: string[] }).reasons;
    expect(reasons(near.id)[0]).toBe('同类：都是“文化活动”');
    expect(reasons(venue.id)[0]).toBe('兼容类别：“场地”可满足“文化活动”');
    expect(reasons(near.id)).toContain('地点：同一社区（村）');
    const first = s.suggestions.find((x) => x.resource.id === near.id)!;
    expect(first.quantity).toBe(5);
    expect(first.factors.find((f) => f.factor === 'locality')!.label).toMatch(/社区/);
    expect(first.factors.every((f) => /[\u4e00-\u9fa5]/.test(f.label))).toBe(true);

    await json(await call('POST', P('/matching/reject'), { token: leadUser.token, body: { needId: need.id, resourceId: near.id, reason: '活动室周末不开放' } }), 204);
    expect((await call('POST', P('/matching/reject'), { token: leadUser.token, body: { needId: need.id, resourceId: near.id } })).status).toBe(409);
    const after = await json<{ suggestions: Array<{ resource: ResourceView }>; rejected: Array<{ resourceId: string; reason: string }> }>(await call('GET', P(`/needs/${need.id}/suggestions`), { token: leadUser.token }), 200);
    expect(after.suggestions.map((x) => x.resource.id)).not.toContain(near.id);
    expect(after.rejected).toEqual([{ resourceId: near.id, resourceTitle: '社区文化活动室', reason: '活动室周末不开放' }]);
  });

  it('ranks the resource of an idle organization before a busy one, names the places, and answers 404 for no such need', async () => {
    // Two members offer the same resource; the busy one has promised all 10 of another resource's 10 (load 10 / 30),
    // the idle one nothing (load 0). Created busy first, so only the load can put the idle one ahead.
    const busy = await makeOrg(T, { kind: '党支部', domain: '机关' });
    const idle = await makeOrg(T, { kind: '党支部', domain: '机关' });
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [busy, idle] });
    const need = await makeNeed(T, a, { categoryId: 'cat_culture', quantity: 3, streetCode: STREET, communityCode: COMMUNITY });
    await makeResource(T, a, { offeringOrgId: busy.id, categoryId: 'cat_legal', capacity: 10, allocatedQty: 10, scope: 'county' });
    const fromBusy = await makeResource(T, a, { offeringOrgId: busy.id, categoryId: 'cat_culture', scope: 'community', streetCode: STREET, communityCode: COMMUNITY });
    const fromIdle = await makeResource(T, a, { offeringOrgId: idle.id, categoryId: 'cat_culture', scope: 'community', streetCode: STREET, communityCode: COMMUNITY });
    const s = await json<{ need: { placeName: string | null }; suggestions: Array<{ resource: ResourceView; cost: number }> }>(
      await call('GET', P(`/needs/${need.id}/suggestions`), { token: leadUser.token }),
      200,
    );
    const ids = s.suggestions.map((x) => x.resource.id);
    expect(ids.indexOf(fromIdle.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(fromIdle.id)).toBeLessThan(ids.indexOf(fromBusy.id));
    const cost = (id: string) => s.suggestions.find((x) => x.resource.id === id)!.cost;
    expect(cost(fromIdle.id)).toBeLessThan(cost(fromBusy.id));
    // The place names come from one read for the need and the shown resources: the same as each one's own page.
    expect(s.need.placeName).toBe((await json<NeedView>(await call('GET', P(`/needs/${need.id}`), { token: leadUser.token }), 200)).placeName);
    const shown = s.suggestions.find((x) => x.resource.id === fromIdle.id)!.resource;
    expect(shown).toEqual(await json<ResourceView>(await call('GET', P(`/resources/${fromIdle.id}`), { token: leadUser.token }), 200));
    expect((await call('GET', P('/needs/ned_nosuchneed00000000000000/suggestions'), { token: leadUser.token })).status).toBe(404);
  });

  it('each need\'s suggestions read its own street and categories from statements built once per shape (ADR 0032)', async () => {
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    const here = await makeNeed(T, a, { categoryId: 'cat_health', quantity: 2, streetCode: STREET, communityCode: COMMUNITY });
    const there = await makeNeed(T, a, { categoryId: 'cat_health', quantity: 2, streetCode: OTHER_STREET, communityCode: `${OTHER_STREET}001` });
    const nowhere = await makeNeed(T, a, { categoryId: 'cat_legal', quantity: 2, streetCode: null, communityCode: null });
    const clinicHere = await makeResource(T, a, { title: '本街道义诊队', categoryId: 'cat_health', scope: 'street', streetCode: STREET, communityCode: null });
    const clinicThere = await makeResource(T, a, { title: '另一街道义诊队', categoryId: 'cat_health', scope: 'street', streetCode: OTHER_STREET, communityCode: null });
    const lawyers = await makeResource(T, a, { title: '全县法律顾问团', categoryId: 'cat_legal', scope: 'county', streetCode: null, communityCode: null });
    const ids = async (id: string) =>
      (await json<{ suggestions: Array<{ resource: ResourceView }> }>(await call('GET', P(`/needs/${id}/suggestions?limit=50`), { token: leadUser.token }), 200)).suggestions.map((x) => x.resource.id);
    // Two needs of the same shape (with a street) in a row, then one without: each gets only what reaches it.
    const forHere = await ids(here.id);
    const forThere = await ids(there.id);
    const forNowhere = await ids(nowhere.id);
    expect(forHere).toContain(clinicHere.id);
    expect(forHere).not.toContain(clinicThere.id);
    expect(forThere).toContain(clinicThere.id);
    expect(forThere).not.toContain(clinicHere.id);
    expect(forNowhere).toEqual(expect.arrayContaining([lawyers.id]));
    expect(forNowhere).not.toContain(clinicHere.id);
    expect(forHere).not.toContain(lawyers.id);
  });

  it('category defaults a social worker signs off: a bathing need is met by bathing help only, not by meals or a room (issue 10 §2)', async () => {
    const body = await json<{ items: Array<{ id: string; name: string; alsoServes: string[] }> } | Array<{ id: string; name: string; alsoServes: string[] }>>(await call('GET', P('/list-categories'), { token: admin.token }), 200);
    const cats = new Map((Array.isArray(body) ? body : body.items).map((c) => [c.id, c]));
    expect(cats.get('cat_bath')).toMatchObject({ name: '助浴服务', alsoServes: [] });
    expect(cats.get('cat_meal')).toMatchObject({ name: '助餐服务', alsoServes: [] });
    expect(cats.get('cat_health')!.alsoServes).toEqual([]);
    expect(cats.get('cat_venue')!.alsoServes).toEqual(['cat_culture', 'cat_training']);
    // Nothing but 助浴服务 lists 助浴服务 as something it can serve.
    expect([...cats.values()].filter((c) => c.alsoServes.includes('cat_bath'))).toEqual([]);

    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    const bath = await makeNeed(T, a, { title: '失能老人助浴', categoryId: 'cat_bath', quantity: 2 });
    const meals = await makeResource(T, a, { title: '党员志愿者送餐上门', categoryId: 'cat_meal' });
    const canteen = await makeResource(T, a, { title: '社区食堂助餐', categoryId: 'cat_meal' });
    const care = await makeResource(T, a, { title: '入户探访志愿队', categoryId: 'cat_elderly' });
    const bathers = await makeResource(T, a, { title: '助浴服务队', categoryId: 'cat_bath' });
    const s = await json<{ suggestions: Array<{ resource: ResourceView; reasons: string[] }> }>(await call('GET', P(`/needs/${bath.id}/suggestions`), { token: leadUser.token }), 200);
    const ids = s.suggestions.map((x) => x.resource.id);
    expect(ids).toContain(bathers.id);
    for (const r of [meals, canteen, care]) expect(ids).not.toContain(r.id);
    expect(s.suggestions.find((x) => x.resource.id === bathers.id)!.reasons[0]).toBe('同类：都是“助浴服务”');
  });

  it('plans the optimal assignment for an alliance without writing anything, and beats or equals the greedy baseline', async () => {
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    // The greedy trap: the urgent need grabs the only resource the other need could use.
    await makeNeed(T, a, { title: '特急助餐', urgency: 4, quantity: 4, categoryId: 'cat_elderly', streetCode: STREET, communityCode: COMMUNITY });
    await makeNeed(T, a, { title: '较急助餐', urgency: 2, quantity: 4, categoryId: 'cat_elderly', streetCode: OTHER_STREET, communityCode: `${OTHER_STREET}001` });
    await makeResource(T, a, { title: '全县助餐车', capacity: 4, scope: 'county', categoryId: 'cat_elderly', streetCode: STREET, communityCode: COMMUNITY });
    await makeResource(T, a, { title: '本社区食堂', capacity: 4, scope: 'community', categoryId: 'cat_elderly', streetCode: STREET, communityCode: COMMUNITY });
    const before = await snapshotCounts(T);
    const plan = await json<AssignmentView>(await call('POST', P('/matching/assignment'), { token: leadUser.token, body: { allianceId: a.alliance.id } }), 200);
    expect(await snapshotCounts(T)).toEqual(before);
    expect(plan).toMatchObject({ needCount: 2, resourceCount: 2, unitsRequested: 8 });
    expect(plan.optimal.unitsServed).toBe(8);
    expect(plan.optimal.weightedServed).toBeGreaterThanOrEqual(plan.greedy.weightedServed);
    expect(plan.items.map((i) => [i.needTitle, i.resourceTitle, i.quantity]).sort()).toEqual([
      ['特急助餐', '本社区食堂', 4],
      ['较急助餐', '全县助餐车', 4],
    ]);
    expect(plan.items.every((i) => i.factors.length > 0)).toBe(true);
    // Why each pair: same category, the place, the deadline, in plain words.
    const canteen = plan.items.find((i) => i.resourceTitle === '本社区食堂')!;
    expect(canteen.reasons).toEqual(['同类：都是“养老服务”', '地点：同一社区（村）', expect.stringMatching(/^截止日期 2099-12-31：资源可用期覆盖截止日前全部 \d+ 天$/), '本联合体资源', '提供单位尚未承担其他资源任务']);
    expect(plan.byUnit).toEqual([{ unit: '人次', needCount: 2, requested: 8, planned: 8, rows: 2 }]);

    // The county-wide run is the county administrator's.
    expect((await call('POST', P('/matching/assignment'), { token: leadUser.token, body: { allianceId: null } })).status).toBe(403);
    const county = await json<AssignmentView>(await call('POST', P('/matching/assignment'), { token: admin.token, body: { allianceId: null } }), 200);
    expect(county.allianceId).toBeNull();
    expect(county.needCount).toBeGreaterThanOrEqual(2);
  });

  it('accepting commits quantities into a new project, then extends it; over-asking and infeasible pairs change nothing', async () => {
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    const need = await makeNeed(T, a, { quantity: 10 });
    const res = await makeResource(T, a, { capacity: 6 });
    const res2 = await makeResource(T, a, { capacity: 10 });
    const far = await makeResource(T, a, { capacity: 10, scope: 'community', streetCode: OTHER_STREET, communityCode: `${OTHER_STREET}001` });
    const shows = await makeResource(T, a, { capacity: 10, unit: '场' });

    expect((await call('POST', P('/matching/accept'), { token: liaison.token, body: { items: [{ needId: need.id, resourceId: res.id, quantity: 1 }], project: { title: '助餐', dueOn: '2099-01-01' } } })).status).toBe(403);
    const before = await snapshotCounts(T);
    const tooMuch = await json<{ errors: Array<{ message: string }> }>(
      await call('POST', P('/matching/accept'), { token: leadUser.token, body: { items: [{ needId: need.id, resourceId: res.id, quantity: 7 }], project: { title: '助餐服务', dueOn: '2099-01-01' } } }),
      409,
    );
    expect(tooMuch.errors.map((e) => e.message).join()).toContain('只剩 6人次可用');
    const infeasible = await json<{ errors: Array<{ message: string }> }>(
      await call('POST', P('/matching/accept'), { token: leadUser.token, body: { items: [{ needId: need.id, resourceId: far.id, quantity: 1 }], project: { title: '助餐服务', dueOn: '2099-01-01' } } }),
      409,
    );
    expect(infeasible.errors[0]!.message).toMatch(/服务范围|范围/);
    const units = await json<{ errors: Array<{ message: string }> }>(
      await call('POST', P('/matching/accept'), { token: leadUser.token, body: { items: [{ needId: need.id, resourceId: shows.id, quantity: 1 }], project: { title: '助餐服务', dueOn: '2099-01-01' } } }),
      409,
    );
    expect(units.errors[0]!.message).toContain('单位不同');
    expect(await snapshotCounts(T)).toEqual(before);

    const made = await json<{ projectId: string; allocationIds: string[] }>(
      await call('POST', P('/matching/accept'), { token: leadUser.token, body: { items: [{ needId: need.id, resourceId: res.id, quantity: 6 }], project: { title: '助餐服务项目', dueOn: '2099-01-01', ownerOrgId: member.id } } }),
      201,
    );
    expect(made.allocationIds).toHaveLength(1);
    expect(await json<NeedView>(await call('GET', P(`/needs/${need.id}`), { token: leadUser.token }), 200)).toMatchObject({ committedQty: 6, remainingQty: 4, status: 'partly_met' });
    expect(await json<ResourceView>(await call('GET', P(`/resources/${res.id}`), { token: leadUser.token }), 200)).toMatchObject({ allocatedQty: 6, remainingQty: 0, status: 'exhausted' });

    await json(await call('POST', P('/matching/accept'), { token: leadUser.token, body: { items: [{ needId: need.id, resourceId: res2.id, quantity: 4 }], projectId: made.projectId } }), 201);
    const met = await json<NeedView>(await call('GET', P(`/needs/${need.id}`), { token: leadUser.token }), 200);
    expect(met).toMatchObject({ committedQty: 10, remainingQty: 0, status: 'partly_met' });
    const audit = await json<{ items: Array<{ action: string; entityId: string }> }>(await call('GET', P(`/audit?entityId=${made.projectId}`), { token: admin.token }), 200);
    expect(audit.items.filter((x) => x.action === 'match.accept')).toHaveLength(2);
  });

  it('two people accepting at once can never over-commit a need or a resource', async () => {
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    const need = await makeNeed(T, a, { quantity: 10 });
    const r1 = await makeResource(T, a, { capacity: 8 });
    const r2 = await makeResource(T, a, { capacity: 8 });
    const accept = (resourceId: string, quantity: number) =>
      call('POST', P('/matching/accept'), { token: leadUser.token, body: { items: [{ needId: need.id, resourceId, quantity }], project: { title: `并发对接${uniq()}`, dueOn: '2099-01-01' } } });
    const results = await Promise.all([accept(r1.id, 6), accept(r2.id, 6)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const n = await json<NeedView>(await call('GET', P(`/needs/${need.id}`), { token: leadUser.token }), 200);
    expect(n.committedQty).toBe(6);

    // And one resource shared by two needs.
    const n1 = await makeNeed(T, a, { quantity: 8 });
    const n2 = await makeNeed(T, a, { quantity: 8 });
    const shared = await makeResource(T, a, { capacity: 10 });
    const both = await Promise.all(
      [n1, n2].map((x) => call('POST', P('/matching/accept'), { token: leadUser.token, body: { items: [{ needId: x.id, resourceId: shared.id, quantity: 6 }], project: { title: `共享资源${uniq()}`, dueOn: '2099-01-01' } } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await json<ResourceView>(await call('GET', P(`/resources/${shared.id}`), { token: leadUser.token }), 200)).allocatedQty).toBe(6);
  });
});

describe('逾期需求 (issue 10 §2): not matched by default, reviewed by the alliance', () => {
  // The workerd clock is the real one: "overdue" is a deadline years back, "due" one decades ahead.
  it('an overdue need is left out of the plan and its suggestions, counted as excluded, and refused on accept', async () => {
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    const late = await makeNeed(T, a, { title: '逾期助餐', urgency: 4, quantity: 5, deadline: '2024-06-30' });
    const due = await makeNeed(T, a, { title: '按期助餐', urgency: 1, quantity: 3 });
    const res = await makeResource(T, a, { title: '社区食堂', capacity: 10 });
    const plan = await json<AssignmentView>(await call('POST', P('/matching/assignment'), { token: leadUser.token, body: { allianceId: a.alliance.id } }), 200);
    expect(plan.items.map((i) => [i.needTitle, i.quantity])).toEqual([['按期助餐', 3]]);
    expect(plan).toMatchObject({ needCount: 1, unitsRequested: 3, overdueExcluded: 1 });
    // Asked for explicitly, the overdue need takes part (the more urgent one first).
    const all = await json<AssignmentView>(await call('POST', P('/matching/assignment'), { token: leadUser.token, body: { allianceId: a.alliance.id, includeOverdue: true } }), 200);
    expect(all.items.map((i) => [i.needTitle, i.quantity]).sort()).toEqual([['按期助餐', 3], ['逾期助餐', 5]]);
    expect(all.overdueExcluded).toBe(0);

    const s = await json<{ need: NeedView; suggestions: unknown[] }>(await call('GET', P(`/needs/${late.id}/suggestions`), { token: leadUser.token }), 200);
    expect(s.need.overdue).toBe(true);
    expect(s.suggestions).toEqual([]);
    const refused = await json<{ code: string; errors: Array<{ path: string; message: string }> }>(
      await call('POST', P('/matching/accept'), { token: leadUser.token, body: { items: [{ needId: late.id, resourceId: res.id, quantity: 1 }], project: { title: '逾期对接', dueOn: '2099-01-01' } } }),
      409,
    );
    expect(refused.code).toBe('conflict');
    expect(refused.errors).toEqual([{ path: 'body.items.0', message: '需求“逾期助餐”已于 2024-06-30 逾期，请先在逾期需求复核中延长截止日期' }]);
    void due;
  });

  it('the alliance extends an overdue need (with a reason, to a date not past) and it is matched again; or closes it', async () => {
    const a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    const late = await makeNeed(T, a, { title: `逾期探访${uniq()}`, deadline: '2025-01-15', raisedByOrgId: member.id });
    const view = await json<NeedView>(await call('GET', P(`/needs/${late.id}`), { token: leadUser.token }), 200);
    expect(view).toMatchObject({ overdue: true, can: { extend: true, close: true } });
    // Marked 逾期 in the export too.
    const sheet = (await readSheet(await (await call('GET', P(`/needs/export?q=${encodeURIComponent(late.title)}`), { token: leadUser.token })).arrayBuffer())) as unknown[][];
    expect(sheet[1]![sheet[0]!.indexOf('是否逾期')]).toBe('是');
    expect((await json<NeedView>(await call('GET', P(`/needs/${late.id}`), { token: liaison.token }), 200)).can.extend).toBe(false);

    const body = { deadline: '2099-06-30', reason: '社区重新核实，老人仍需探访' };
    const byLiaison = await json<{ code: string }>(await call('POST', P(`/needs/${late.id}/extend`), { token: liaison.token, body, headers: v(late) }), 403);
    expect(byLiaison.code).toBe('forbidden');
    const past = await json<{ code: string; errors: Array<{ path: string; message: string }> }>(
      await call('POST', P(`/needs/${late.id}/extend`), { token: leadUser.token, body: { ...body, deadline: '2025-02-01' }, headers: v(late) }),
      422,
    );
    expect(past.code).toBe('validation_failed');
    expect(past.errors[0]).toMatchObject({ path: 'body.deadline', message: expect.stringContaining('不能早于今天') });
    const noReason = await json<{ errors: Array<{ path: string }> }>(await call('POST', P(`/needs/${late.id}/extend`), { token: leadUser.token, body: { deadline: '2099-06-30' }, headers: v(late) }), 422);
    expect(noReason.errors.map((e) => e.path)).toEqual(['json.reason']);

    const extended = await json<NeedView>(await call('POST', P(`/needs/${late.id}/extend`), { token: leadUser.token, body, headers: v(late) }), 200);
    expect(extended).toMatchObject({ deadline: '2099-06-30', overdue: false, version: 2 });
    const audit = await json<{ items: Array<{ action: string; before: unknown; after: unknown }> }>(await call('GET', P(`/audit?entityId=${late.id}`), { token: admin.token }), 200);
    expect(audit.items.find((x) => x.action === 'need.extend')).toMatchObject({ before: { deadline: '2025-01-15', overdue: true }, after: { deadline: '2099-06-30', reason: '社区重新核实，老人仍需探访' } });
    const review = await json<{ items: NeedView[] }>(await call('GET', P(`/needs?allianceId=${a.alliance.id}&overdue=true`), { token: leadUser.token }), 200);
    expect(review.items).toEqual([]);

    const other = await makeNeed(T, a, { title: '逾期另一条', deadline: '2025-01-15' });
    const closed = await json<NeedView>(await call('POST', P(`/needs/${other.id}/close`), { token: leadUser.token, body: { reason: '老人已入住养老院' }, headers: v(other) }), 200);
    expect(closed).toMatchObject({ status: 'closed', overdue: false, closedReason: '老人已入住养老院' });
  });
});

describe('Excel', () => {
  async function sheet(rows: Array<Array<string | number | null>>) {
    return (await writeXlsxFile(rows.map((r) => r.map((value) => ({ value }))) as never).toBlob()).arrayBuffer();
  }
  const header = ['需求名称', '需求来源', '类别', '数量', '单位', '紧急程度', '截止日期', '提出单位', '街道（苏木乡镇）'];

  it('imports needs all or nothing, naming the row and column of every problem', async () => {
    const tag = uniq();
    const before = await snapshotCounts(T);
    const bad = await json<{ detail: string; errors: Array<{ row: number; column: string; message: string }> }>(
      await call('POST', P(`/needs/import?allianceId=${alliance.alliance.id}`), {
        token: leadUser.token,
        rawBody: await sheet([header, [`导入${tag}-1`, '群众点单', '养老服务', 3, '人次', '紧急', '2099-06-30', null, STREET], [`导入${tag}-2`, '群众点单', '不存在的类别', 0, '人次', '十万火急', '2099-06-30', outsider.name, null]]),
        headers: { 'content-type': XLSX },
      }),
      422,
    );
    expect(bad.detail).toContain('未导入任何数据');
    expect(bad.errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, column: '类别', message: '类别“不存在的类别”不存在' }), expect.objectContaining({ row: 3, column: '提出单位' })]));
    expect(await snapshotCounts(T)).toEqual(before);

    const ok = await json<{ created: number }>(
      await call('POST', P(`/needs/import?allianceId=${alliance.alliance.id}`), {
        token: leadUser.token,
        rawBody: await sheet([header, [`导入${tag}-1`, '群众点单', '养老服务', 3, '人次', '紧急', '2099-06-30', null, STREET], [`导入${tag}-2`, '成员单位', '技术培训', 20, '人', '一般', '2099-07-31', member.name, null]]),
        headers: { 'content-type': XLSX },
      }),
      200,
    );
    expect(ok.created).toBe(2);
    const list = await json<{ items: NeedView[] }>(await call('GET', P(`/needs?q=导入${tag}`), { token: leadUser.token }), 200);
    expect(list.items.map((n) => [n.title, n.categoryName, n.urgency, n.raisedByOrgName]).sort()).toEqual([
      [`导入${tag}-1`, '养老服务', 3, null],
      [`导入${tag}-2`, '技术培训', 1, member.name],
    ]);
  });

  it('exports the filtered lists and hands out templates that import back', async () => {
    const n = await makeNeed(T, alliance, { title: `导出检查${uniq()}` });
    const res = await call('GET', P(`/needs/export?q=${encodeURIComponent(n.title)}`), { token: plainMember.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const rows = (await readSheet(await res.arrayBuffer())) as unknown[][];
    expect(rows[0]).toContain('需求名称');
    expect(rows.slice(1).map((r) => r[1])).toEqual([n.title]);

    const template = await call('GET', P('/resources/import-template'), { token: liaison.token });
    expect(template.status).toBe(200);
    const empty = await json<{ detail: string }>(await call('POST', P(`/resources/import?allianceId=${alliance.alliance.id}`), { token: liaison.token, rawBody: await template.arrayBuffer(), headers: { 'content-type': XLSX } }), 422);
    expect(empty.detail).toBe('表格中没有数据行');
  });

  it('writes streets and communities by name, and an exported sheet imports back to the same places', async () => {
    // Two streets, each with a village called 团结村 (names repeat across streets; codes do not).
    const county = streetOf(T).slice(0, 6);
    const tag = uniq();
    const east = await makeOrg(T, { name: `东城街道${tag}党工委`, kind: '党工委', domain: '街道', divisionCode: `${county}901` });
    await makeOrg(T, { parent: east, name: `团结村${tag}党支部`, domain: '嘎查村', divisionCode: `${county}901001` });
    const west = await makeOrg(T, { name: `西城街道${tag}党工委`, kind: '党工委', domain: '街道', divisionCode: `${county}902` });
    await makeOrg(T, { parent: west, name: `团结村${tag}党支部`, domain: '嘎查村', divisionCode: `${county}902001` });
    // No phone: the export masks phones (139****1234), which the import rightly refuses.
    const need = await makeNeed(T, alliance, { title: `按名导出${tag}`, streetCode: `${county}902`, communityCode: `${county}902001`, raiserPhone: null });
    const resource = await makeResource(T, alliance, { title: `按名导出资源${tag}`, streetCode: `${county}901`, communityCode: `${county}901001` });

    const needBytes = await (await call('GET', P(`/needs/export?q=${encodeURIComponent(need.title)}`), { token: plainMember.token })).arrayBuffer();
    const needSheet = (await readSheet(needBytes)) as unknown[][];
    const placesOf = (rows: unknown[][]) => rows.slice(1).map((r) => [r[rows[0]!.indexOf('街道（苏木乡镇）')], r[rows[0]!.indexOf('社区（嘎查村）')]]);
    expect(placesOf(needSheet)).toEqual([[`西城街道${tag}`, `团结村${tag}`]]);
    expect(needSheet.flat()).not.toEqual(expect.arrayContaining([`${county}902`]));
    expect(needSheet.flat()).not.toEqual(expect.arrayContaining([`${county}902001`]));

    const resourceSheet = (await readSheet(await (await call('GET', P(`/resources/export?q=${encodeURIComponent(resource.title)}`), { token: plainMember.token })).arrayBuffer())) as unknown[][];
    expect(placesOf(resourceSheet)).toEqual([[`东城街道${tag}`, `团结村${tag}`]]);
    expect(resourceSheet.flat()).not.toEqual(expect.arrayContaining([`${county}901`]));
    expect(resourceSheet.flat()).not.toEqual(expect.arrayContaining([`${county}901001`]));

    // The export, uploaded as it is: the names resolve to the codes again, 团结村 to the one in 西城街道.
    await json(await call('POST', P(`/needs/import?allianceId=${alliance.alliance.id}`), { token: leadUser.token, rawBody: needBytes, headers: { 'content-type': XLSX } }), 200);
    const both = await json<{ items: NeedView[] }>(await call('GET', P(`/needs?q=${encodeURIComponent(need.title)}`), { token: leadUser.token }), 200);
    expect(both.items.map((n) => [n.streetCode, n.communityCode])).toEqual([
      [`${county}902`, `${county}902001`],
      [`${county}902`, `${county}902001`],
    ]);
  });
});
