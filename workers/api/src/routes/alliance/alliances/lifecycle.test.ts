import { readSheet } from 'read-excel-file/universal';
import { shanghaiDate } from '@ronghe/core';
import type { AllianceDetail, FilingView, Organization } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../../test/support/factories.ts';

// The life of one alliance through the API, as the people of a county would
// live it: the lead drafts and applies, the street committee approves, the
// founding documents are recorded, it runs, a member leaves, the lead
// changes, it is rectified and finally dissolved — with every refusal saying
// what is missing.
const T = 'wengniute';
// Decisions default to today and a founding meeting cannot precede the approval, so the founding date is today.
const TODAY = shanghaiDate(Date.now());

let street: Organization;
let otherStreet: Organization;
let community: Organization;
let organ: Organization;
let property: Organization;
let firm: Organization;
let lead: TestUser;
let reviewer: TestUser;
let strangerReviewer: TestUser;
let admin: TestUser;
let liaison: TestUser;

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}
const v = (a: { version: number }) => ({ 'if-match': `"v${a.version}"` });
const P = (a: { id: string }, rest = '') => `/api/t/${T}/alliances/${a.id}${rest}`;

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道', name: `全宁街道党工委${Date.now()}` });
  otherStreet = await makeOrg(T, { kind: '党工委', domain: '街道' });
  community = await makeOrg(T, { parent: street, kind: '党委', domain: '社区', secretaryName: '包书记' });
  organ = await makeOrg(T, { kind: '党支部', domain: '机关' });
  property = await makeOrg(T, { kind: '党支部', domain: '物业' });
  firm = await makeOrg(T, { kind: '党支部', domain: '非公有制企业' });
  lead = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: community.id }], { displayName: '包书记' });
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }], { displayName: '街道审核人' });
  strangerReviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: otherStreet.id }]);
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: organ.id }]);
});

function draftBody(extra: Record<string, unknown> = {}) {
  return {
    name: `全宁社区多元治理党建联合体${Math.random().toString(36).slice(2, 6)}`,
    type: '党建引领多元治理共同体',
    model: '区域化共驻共建',
    pairingForm: '社区+机关',
    vision: '党建引领、共建共治共享',
    commonNeeds: '老旧小区物业服务与居民就业',
    leadOrgId: community.id,
    committeeOrgId: street.id,
    members: [{ orgId: organ.id }, { orgId: property.id }],
    ...extra,
  };
}

async function createDoc(a: AllianceDetail, body: Record<string, unknown>) {
  return json<{ id: string; contentHash: string; version: number }>(await call('POST', P(a, '/documents'), { token: lead.token, body }), 201);
}

async function getA(id: string): Promise<AllianceDetail> {
  return json<AllianceDetail>(await call('GET', `/api/t/${T}/alliances/${id}`, { token: lead.token }), 200);
}

/** Drafts, applies and has the committee approve; returns the approved alliance. */
async function approvedAlliance(): Promise<AllianceDetail> {
  let a = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: draftBody() }), 201);
  await createDoc(a, { kind: 'application', title: '关于组建党建联合体的请示', content: '特申请组建。' });
  a = await json<AllianceDetail>(await call('POST', P(a, '/apply'), { token: lead.token, body: {}, headers: v(a) }), 200);
  return json<AllianceDetail>(await call('POST', P(a, '/approve'), { token: reviewer.token, body: { replyText: '同意组建。' }, headers: v(a) }), 200);
}

/** Records the founding file (charter, agreements, governance, plan, rules, liaisons) and brings it to active. */
async function activeAlliance(): Promise<AllianceDetail> {
  let a = await approvedAlliance();
  await createDoc(a, { kind: 'charter', title: '联合体章程', content: '第一条 …', status: 'adopted', docDate: TODAY });
  for (const m of a.members) await createDoc(a, { kind: 'agreement', title: `共建协议（${m.orgName}）`, content: '双方约定 …', status: 'adopted', signerOrgId: m.orgId, signerName: '书记' });
  await createDoc(a, { kind: 'work_plan', title: '2025 年工作计划', content: '一、…', status: 'adopted', year: 2025 });
  await createDoc(a, { kind: 'rules', title: '联席会议制度', content: '每季度召开 …', status: 'adopted' });
  a = await json<AllianceDetail>(
    await call('PUT', P(a, '/governance'), {
      token: lead.token,
      headers: v(a),
      body: {
        seats: [
          { layer: '决策层', post: '书记', personName: '街道书记', orgId: street.id },
          { layer: '决策层', post: '总负责人', personName: '包书记', orgId: community.id },
          { layer: '协调层', post: '具体负责人', personName: '机关书记', orgId: organ.id },
          { layer: '执行层', post: '联络员', personName: '物业联络员', orgId: property.id },
        ],
      },
    }),
    200,
  );
  a = await json<AllianceDetail>(await call('POST', P(a, '/establish'), { token: lead.token, body: { foundedOn: TODAY }, headers: v(a) }), 200);
  for (const m of a.members.filter((x) => x.current)) {
    a = await json<AllianceDetail>(
      await call('PATCH', P(a, `/members/${m.id}`), { token: lead.token, body: { liaisonName: '联络员', liaisonPhone: '13904760001', liaisonPartyMember: true }, headers: v(m) }),
      200,
    );
  }
  return json<AllianceDetail>(await call('POST', P(a, '/start'), { token: lead.token, body: {}, headers: v(a) }), 200);
}

describe('alliance lifecycle', () => {
  it('the lead drafts only for its own organization; the lead becomes a member', async () => {
    const foreign = await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: draftBody({ leadOrgId: organ.id }) });
    expect(foreign.status).toBe(403);
    const a = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: draftBody() }), 201);
    expect(a.status).toBe('draft');
    expect(a.members.map((m) => [m.orgId, m.role])).toEqual([
      [community.id, 'lead'],
      [organ.id, 'member'],
      [property.id, 'member'],
    ]);
    expect(a.can).toMatchObject({ apply: true, approve: false, editMembers: true });
    expect(a.timeline.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a committee that is not a party committee, and the lead as its own committee', async () => {
    const res = await call('POST', `/api/t/${T}/alliances`, { token: admin.token, body: draftBody({ committeeOrgId: organ.id }) });
    const p = await json<{ errors: Array<{ path: string; message: string }> }>(res, 422);
    expect(p.errors[0]!.path).toBe('body.committeeOrgId');
  });

  it('apply lists what is missing, then goes through; the file is frozen while the committee reviews', async () => {
    let a = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: draftBody({ members: [] }) }), 201);
    expect(a.checks.apply.map((p) => p.code)).toEqual(['members.count', 'documents.application', 'composition.units']);
    const refused = await call('POST', P(a, '/apply'), { token: lead.token, body: {}, headers: v(a) });
    const p = await json<{ code: string; errors: Array<{ path: string; message: string }> }>(refused, 409);
    expect(p.errors.map((e) => e.path)).toEqual(['rules.members.count', 'rules.documents.application', 'rules.composition.units']);
    expect(p.errors[2]!.message).toContain('治理单元');

    a = await json<AllianceDetail>(await call('POST', P(a, '/members'), { token: lead.token, body: { orgId: property.id }, headers: v(a) }), 200);
    await createDoc(a, { kind: 'application', title: '请示', content: '申请组建。' });
    a = await json<AllianceDetail>(await call('POST', P(a, '/apply'), { token: lead.token, body: {}, headers: v(a) }), 200);
    expect(a.status).toBe('applied');
    expect(a.checks.composition).toEqual([]);
    expect(a.appliedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const frozen = await call('PATCH', P(a), { token: lead.token, body: { vision: '新愿景' }, headers: v(a) });
    expect(frozen.status).toBe(409);
    const addLate = await call('POST', P(a, '/members'), { token: lead.token, body: { orgId: firm.id }, headers: v(a) });
    expect(addLate.status).toBe(409);
  });

  it('only the approving committee decides; approval issues the reply and files it with county and city', async () => {
    let a = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: draftBody() }), 201);
    await createDoc(a, { kind: 'application', title: '请示', content: '申请组建。' });
    a = await json<AllianceDetail>(await call('POST', P(a, '/apply'), { token: lead.token, body: {}, headers: v(a) }), 200);
    for (const who of [admin, lead, strangerReviewer]) {
      const res = await call('POST', P(a, '/approve'), { token: who.token, body: { replyText: '同意。' }, headers: v(a) });
      expect(res.status).toBe(403);
    }
    a = await json<AllianceDetail>(await call('POST', P(a, '/approve'), { token: reviewer.token, body: { replyText: '经街道党工委研究，同意组建。' }, headers: v(a) }), 200);
    expect(a.status).toBe('approved');
    const reply = a.documents.find((d) => d.kind === 'approval_reply')!;
    expect(reply).toMatchObject({ status: 'adopted', signerOrgId: street.id, signerOrgName: street.name });
    // Who heads it is asked from approval on, when the deliberating body is formed.
    expect(a.checks.composition.map((p) => p.code)).toEqual(['composition.head']);
    expect(a.timeline.at(-1)).toMatchObject({ action: 'approve', fromStatus: 'applied', toStatus: 'approved', documentId: reply.id, actorName: '街道审核人' });

    const inbox = await json<{ items: FilingView[]; unread: number }>(await call('GET', `/api/t/${T}/filings?allianceId=${a.id}`, { token: admin.token }), 200);
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'approval', countyState: 'unread', cityState: 'unread', documentId: reply.id, allianceName: a.name });
    const acked = await json<FilingView>(await call('POST', `/api/t/${T}/filings/${inbox.items[0]!.id}/acknowledge`, { token: admin.token }), 200);
    expect(acked.countyState).toBe('acknowledged');
    expect(acked.cityState).toBe('unread');
    const again = await json<{ items: FilingView[] }>(await call('GET', `/api/t/${T}/filings?allianceId=${a.id}&state=unread`, { token: admin.token }), 200);
    expect(again.items).toHaveLength(0);
  });

  it('two decisions on the same version: one lands, the other is told the data changed', async () => {
    let a = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: draftBody() }), 201);
    await createDoc(a, { kind: 'application', title: '请示', content: '申请组建。' });
    a = await json<AllianceDetail>(await call('POST', P(a, '/apply'), { token: lead.token, body: {}, headers: v(a) }), 200);
    const [r1, r2] = await Promise.all([
      call('POST', P(a, '/approve'), { token: reviewer.token, body: { replyText: '同意。' }, headers: v(a) }),
      call('POST', P(a, '/reject'), { token: reviewer.token, body: { replyText: '不同意。' }, headers: v(a) }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 412]);
    const after = await getA(a.id);
    expect(after.timeline.filter((e) => e.action === 'approve' || e.action === 'reject')).toHaveLength(1);
  });

  it('establishing says exactly what is missing; founders join on the founding date', async () => {
    let a = await approvedAlliance();
    const refused = await call('POST', P(a, '/establish'), { token: lead.token, body: { foundedOn: TODAY }, headers: v(a) });
    const p = await json<{ errors: Array<{ path: string; message: string }> }>(refused, 409);
    const paths = p.errors.map((e) => e.path);
    expect(paths).toContain('rules.documents.charter');
    expect(paths.filter((x) => x === 'rules.documents.agreement')).toHaveLength(3);
    expect(paths.filter((x) => x === 'rules.governance.layer')).toHaveLength(3);
    expect(paths).toContain('rules.documents.work_plan');
    expect(p.errors.find((e) => e.path === 'rules.composition.head')!.message).toContain('街道党工委书记');
    a = await activeAlliance();
    expect(a.status).toBe('active');
    expect(a.foundedOn).toBe(TODAY);
    expect(a.members.every((m) => m.joinedOn === TODAY)).toBe(true);
    expect(a.timeline.map((e) => e.action)).toEqual(['create', 'apply', 'approve', 'establish', 'start']);
  });

  it('a founding date in the future or before the approval is refused', async () => {
    const a = await approvedAlliance();
    const future = await call('POST', P(a, '/establish'), { token: lead.token, body: { foundedOn: '2099-01-01' }, headers: v(a) });
    expect(future.status).toBe(422);
  });

  it('adopted documents are records: their text cannot change, and their hash is the SHA-256 of the text', async () => {
    const a = await approvedAlliance();
    const doc = await createDoc(a, { kind: 'charter', title: '章程', content: '第一条 本联合体……', status: 'adopted' });
    const expected = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('第一条 本联合体……')))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(doc.contentHash).toBe(expected);
    const edit = await call('PATCH', P(a, `/documents/${doc.id}`), { token: lead.token, body: { content: '改过的' }, headers: v(doc) });
    expect(edit.status).toBe(409);
    const notMember = await call('POST', P(a, '/documents'), { token: lead.token, body: { kind: 'agreement', title: '协议', content: '…', signerOrgId: firm.id } });
    expect(notMember.status).toBe(422);
    const strangerSigns = await call('POST', P(a, '/documents'), { token: lead.token, body: { kind: 'other', title: '纪要', content: '…', signerOrgId: firm.id } });
    expect(strangerSigns.status).toBe(422);
    const signedByCommittee = await json<{ id: string; signerOrgName: string }>(
      await call('POST', P(a, '/documents'), { token: lead.token, body: { kind: 'other', title: '街道党工委指导意见', content: '…', signerOrgId: street.id } }),
      201,
    );
    expect(signedByCommittee.signerOrgName).toBe(street.name);
    const read = await json<{ content: string; signerOrgName: string | null }>(await call('GET', P(a, `/documents/${doc.id}`), { token: lead.token }), 200);
    expect(read).toMatchObject({ content: '第一条 本联合体……', signerOrgName: null });
  });

  it('a member liaison names its own liaison but cannot change the contribution ratio', async () => {
    const a = await approvedAlliance();
    const mine = a.members.find((m) => m.orgId === organ.id)!;
    const seen = await json<AllianceDetail>(await call('GET', P(a), { token: liaison.token }), 200);
    expect(seen.members.map((m) => [m.orgId, m.canUpdate])).toEqual(a.members.map((m) => [m.orgId, m.orgId === organ.id]));
    expect(seen.can.updateMembers).toBe(false);
    const ok = await json<AllianceDetail>(await call('PATCH', P(a, `/members/${mine.id}`), { token: liaison.token, body: { liaisonName: '韩联络' }, headers: v(mine) }), 200);
    expect(ok.members.find((m) => m.id === mine.id)!.liaisonName).toBe('韩联络');
    const ratio = await call('PATCH', P(a, `/members/${mine.id}`), { token: liaison.token, body: { contributionBp: 5000 }, headers: { 'if-match': '"v2"' } });
    expect(ratio.status).toBe(403);
    const lead2 = a.members.find((m) => m.role === 'lead')!;
    const other = await call('PATCH', P(a, `/members/${lead2.id}`), { token: liaison.token, body: { liaisonName: '某' }, headers: v(lead2) });
    expect(other.status).toBe(403);
  });

  it('a member leaves by the committee’s decision; the history keeps its membership and the change is filed', async () => {
    let a = await activeAlliance();
    const leaving = a.members.find((m) => m.orgId === property.id)!;
    a = await json<AllianceDetail>(await call('POST', P(a, '/adjustments'), { token: lead.token, body: { kind: 'member_leave', memberId: leaving.id, reason: '物业公司撤场' } }), 201);
    const adj = a.adjustments[0]!;
    expect(adj).toMatchObject({ status: 'proposed', kind: 'member_leave' });
    expect(adj.summary).toContain(property.name);
    const byLead = await call('POST', P(a, `/adjustments/${adj.id}/approve`), { token: lead.token, body: { note: '同意' }, headers: v(adj) });
    expect(byLead.status).toBe(403);
    a = await json<AllianceDetail>(await call('POST', P(a, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意退出' }, headers: v(adj) }), 200);
    const row = a.members.find((m) => m.id === leaving.id)!;
    expect(row).toMatchObject({ current: false, leaveReason: '物业公司撤场', joinedOn: TODAY });
    expect(row.leftOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(a.memberCount).toBe(2);
    expect(a.timeline.at(-1)).toMatchObject({ action: 'adjust', adjustmentId: adj.id });
    const filed = await json<{ items: FilingView[] }>(await call('GET', `/api/t/${T}/filings?allianceId=${a.id}&kind=adjustment`, { token: admin.token }), 200);
    expect(filed.items).toHaveLength(1);
    // With two left, another leave would end the alliance: that is a dissolution, not an adjustment.
    const last = a.members.find((m) => m.current && m.role === 'member')!;
    const tooFew = await call('POST', P(a, '/adjustments'), { token: lead.token, body: { kind: 'member_leave', memberId: last.id, reason: '撤出' } });
    expect(tooFew.status).toBe(409);
  });

  it('a lead change closes and reopens periods, so the history shows who led when', async () => {
    let a = await activeAlliance();
    // The approving committee stays above the lead (seed 000 7.1, 8.3): the 机关 branch outside the street cannot take over.
    const outside = await call('POST', P(a, '/adjustments'), { token: reviewer.token, body: { kind: 'lead_change', orgId: organ.id, reason: '机关党支部牵头更有利于资源统筹' } });
    expect(outside.status).toBe(422);
    expect(await outside.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.orgId' }] });
    // A neighbouring community of the same street joins, then leads.
    const neighbour = await makeOrg(T, { parent: street, kind: '党支部', domain: '社区' });
    a = await json<AllianceDetail>(await call('POST', P(a, '/adjustments'), { token: lead.token, body: { kind: 'member_join', orgId: neighbour.id, reason: '相邻社区加入' } }), 201);
    const join = a.adjustments[0]!;
    a = await json<AllianceDetail>(await call('POST', P(a, `/adjustments/${join.id}/approve`), { token: reviewer.token, body: { note: '同意' }, headers: v(join) }), 200);
    a = await json<AllianceDetail>(await call('POST', P(a, '/adjustments'), { token: reviewer.token, body: { kind: 'lead_change', orgId: neighbour.id, reason: '相邻社区牵头更有利于资源统筹' } }), 201);
    const adj = a.adjustments.find((j) => j.status === 'proposed')!;
    a = await json<AllianceDetail>(await call('POST', P(a, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意' }, headers: v(adj) }), 200);
    expect(a.leadOrgId).toBe(neighbour.id);
    const neighbourRows = a.members.filter((m) => m.orgId === neighbour.id);
    expect(neighbourRows.map((m) => [m.role, m.current])).toEqual(expect.arrayContaining([['lead', true], ['member', false]]));
    const communityRows = a.members.filter((m) => m.orgId === community.id);
    expect(communityRows.map((m) => [m.role, m.current])).toEqual(expect.arrayContaining([['member', true], ['lead', false]]));
    // The former lead's secretary no longer runs the alliance.
    const apply = await call('POST', P(a, '/documents'), { token: lead.token, body: { kind: 'other', title: '纪要', content: '…' } });
    expect(apply.status).toBe(403);
  });

  it('a join is proposed for an organization outside the alliance and joins on the decision date', async () => {
    let a = await activeAlliance();
    a = await json<AllianceDetail>(await call('POST', P(a, '/adjustments'), { token: lead.token, body: { kind: 'member_join', orgId: firm.id, contributionBp: 0, reason: '企业参与社区就业服务' } }), 201);
    const adj = a.adjustments[0]!;
    expect(adj.summary).toBe(`成员加入：${firm.name}`);
    const twice = await call('POST', P(a, '/adjustments'), { token: lead.token, body: { kind: 'member_join', orgId: community.id, reason: '重复' } });
    expect(twice.status).toBe(409);
    a = await json<AllianceDetail>(await call('POST', P(a, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意加入' }, headers: v(adj) }), 200);
    expect(a.members.find((m) => m.orgId === firm.id)).toMatchObject({ current: true, role: 'member', joinedOn: TODAY });
    expect(a.adjustments[0]).toMatchObject({ status: 'approved', decidedByName: '街道审核人', decisionNote: '同意加入' });
    const again = await call('POST', P(a, `/adjustments/${adj.id}/reject`), { token: reviewer.token, body: { note: '不同意' }, headers: { 'if-match': `"v${a.adjustments[0]!.version}"` } });
    expect(again.status).toBe(409);
  });

  it('a refused adjustment changes nothing, shows on the timeline and is not filed', async () => {
    let a = await activeAlliance();
    a = await json<AllianceDetail>(await call('POST', P(a, '/adjustments'), { token: lead.token, body: { kind: 'type_change', type: '党建联合体+', typeNote: '党建联合体+平安建设', reason: '拓展平安建设' } }), 201);
    const adj = a.adjustments[0]!;
    a = await json<AllianceDetail>(await call('POST', P(a, `/adjustments/${adj.id}/reject`), { token: reviewer.token, body: { note: '时机尚不成熟' }, headers: v(adj) }), 200);
    expect(a.type).toBe('党建引领多元治理共同体');
    expect(a.adjustments[0]).toMatchObject({ status: 'rejected', decisionNote: '时机尚不成熟' });
    expect(a.timeline.at(-1)).toMatchObject({ action: 'adjust_reject', actionLabel: '不同意调整', adjustmentId: adj.id });
    expect(a.timeline.at(-1)!.reason).toContain('时机尚不成熟');
    const filed = await json<{ items: FilingView[] }>(await call('GET', `/api/t/${T}/filings?allianceId=${a.id}&kind=adjustment`, { token: admin.token }), 200);
    expect(filed.items).toHaveLength(0);
  });

  it('a type change needs the new type’s composition', async () => {
    let a = await activeAlliance();
    a = await json<AllianceDetail>(await call('POST', P(a, '/adjustments'), { token: admin.token, body: { kind: 'type_change', type: '党建引领产业发展共同体', reason: '转向产业' } }), 201);
    const adj = a.adjustments[0]!;
    const refused = await call('POST', P(a, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意' }, headers: v(adj) });
    const p = await json<{ errors: Array<{ path: string }> }>(refused, 409);
    expect(p.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['rules.composition.leadingFirm', 'rules.composition.consortium', 'rules.composition.head']));
    expect((await getA(a.id)).type).toBe('党建引领多元治理共同体');
  });

  it('rectification, restoration and dissolution are the committee’s, filed, and dissolution ends every membership', async () => {
    let a = await activeAlliance();
    a = await json<AllianceDetail>(await call('POST', P(a, '/rectify'), { token: reviewer.token, body: { reason: '年度考核“较差”' }, headers: v(a) }), 200);
    expect(a.status).toBe('rectifying');
    a = await json<AllianceDetail>(await call('POST', P(a, '/restore'), { token: reviewer.token, body: { reason: '整顿到位' }, headers: v(a) }), 200);
    a = await json<AllianceDetail>(await call('POST', P(a, '/dissolve'), { token: reviewer.token, body: { reason: '成员单位撤并' }, headers: v(a) }), 200);
    expect(a.status).toBe('dissolved');
    expect(a.members.every((m) => !m.current && m.leaveReason === '联合体撤销')).toBe(true);
    expect(Object.values(a.can).some(Boolean)).toBe(false);
    const kinds = (await json<{ items: FilingView[] }>(await call('GET', `/api/t/${T}/filings?allianceId=${a.id}`, { token: admin.token }), 200)).items.map((f) => f.kind);
    expect(kinds.sort()).toEqual(['approval', 'dissolution', 'rectification', 'rectification']);
    const again = await call('POST', P(a, '/rectify'), { token: reviewer.token, body: { reason: '再整顿' }, headers: v(a) });
    const p = await json<{ detail: string }>(again, 409);
    expect(p.detail).toContain('已撤销');
  });

  it('industrial communities list their consortium gaps', async () => {
    const a = await json<AllianceDetail>(
      await call('POST', `/api/t/${T}/alliances`, {
        token: lead.token,
        body: draftBody({ type: '党建引领产业发展共同体', consortium: { largeGrowers: 2, households: 10, householdsTotal: 100 }, members: [{ orgId: firm.id, consortiumRole: '龙头企业' }] }),
      }),
      201,
    );
    expect(a.checks.composition.map((p) => p.code)).toEqual(['composition.cooperative', 'composition.serviceOrg', 'composition.largeGrowers', 'composition.households']);
    expect(a.checks.composition.find((p) => p.code === 'composition.households')!.message).toContain('10.0%');
  });

  it('lists filter by status, committee, street and member, and search by name', async () => {
    const a = await activeAlliance();
    const q = async (query: string) =>
      (await json<{ items: Array<{ id: string }>; total: number }>(await call('GET', `/api/t/${T}/alliances?${query}`, { token: admin.token }), 200)).items.map((x) => x.id);
    expect(await q(`status=active&committeeId=${street.id}`)).toContain(a.id);
    expect(await q(`streetId=${street.id}&limit=100`)).toContain(a.id);
    expect(await q(`orgId=${organ.id}&status=active&limit=100`)).toContain(a.id);
    expect(await q(`q=${encodeURIComponent(a.name)}`)).toEqual([a.id]);
    expect(await q(`committeeId=${otherStreet.id}`)).toEqual([]);
  });

  it('red routes string formed alliances in order; a draft cannot be on a route', async () => {
    const [x, y] = [await activeAlliance(), await activeAlliance()];
    const draft = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: draftBody() }), 201);
    const bad = await call('POST', `/api/t/${T}/red-routes`, { token: admin.token, body: { name: '全宁风景线', theme: '基层治理', description: '串珠成线', allianceIds: [x.id, draft.id] } });
    const p = await json<{ errors: Array<{ path: string }> }>(bad, 422);
    expect(p.errors[0]!.path).toBe('body.allianceIds.1');
    const route = await json<{ id: string; stops: Array<{ id: string }>; version: number }>(
      await call('POST', `/api/t/${T}/red-routes`, { token: admin.token, body: { name: '全宁风景线', theme: '基层治理', description: '串珠成线', allianceIds: [y.id, x.id] } }),
      201,
    );
    expect(route.stops.map((s) => s.id)).toEqual([y.id, x.id]);
    const district = await json<{ alliances: Array<{ id: string }>; routes: Array<{ id: string }> }>(
      await call('POST', `/api/t/${T}/red-districts`, { token: admin.token, body: { name: '全宁片区', description: '点线面结合', allianceIds: [x.id], routeIds: [route.id] } }),
      201,
    );
    expect(district.routes.map((r) => r.id)).toEqual([route.id]);
    expect(district.alliances.map((r) => r.id)).toEqual([x.id]);
    const byLead = await call('POST', `/api/t/${T}/red-routes`, { token: lead.token, body: { name: '风景线', theme: '基层治理', description: '…', allianceIds: [y.id, x.id] } });
    expect(byLead.status).toBe(403);
  });
});

describe('alliance export', () => {
  it('exports the filtered list as a workbook officials can open', async () => {
    const a = await activeAlliance();
    const res = await call('GET', `/api/t/${T}/alliances/export?committeeId=${street.id}&status=active`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('党建联合体');
    const rows = (await readSheet(await res.arrayBuffer())) as unknown[][];
    expect(rows[0]).toEqual(['联合体编号', '联合体名称', '类型', '融合模式', '联建方式', '状态', '牵头党组织', '审批的上级党(工)委', '现有成员单位数', '申请日期', '批准日期', '成立日期']);
    const mine = rows.find((r) => r[0] === a.id)!;
    expect(mine.slice(1, 9)).toEqual([a.name, '党建引领多元治理共同体', '区域化共驻共建', '社区+机关', '运行中', community.name, street.name, 3]);
    expect(rows.slice(1).every((r) => r[5] === '运行中')).toBe(true);
  });
});
