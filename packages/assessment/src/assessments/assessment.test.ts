import { eq } from 'drizzle-orm';
import { openDb } from '@ronghe/core';
import { outbox, type AssessmentView, type Organization, type SchemeView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeActivity, makeMeetingWithDecisions } from '../../../../test/support/activity-factories.ts';
import { makeAlliance, type MadeAlliance } from '../../../../test/support/alliance-factories.ts';
import { makeFinalizedAssessment, makeOrgPoints, makeQuotaPlan, makeRatings } from '../../../../test/support/assessment-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { makeNeed, makeProject } from '../../../../test/support/list-factories.ts';
import { makePerson } from '../../../../test/support/people-factories.ts';
import { bindings } from '../../../../test/support/worker.ts';
import { assessmentResults, gradeDistribution } from '../read.ts';
import { DEFAULT_COUNTY_INDICATORS } from '../schemes/defaults.ts';

// The annual alliance assessment (issue 12; seed 000 8.2, seed 003 mechanism 6). Expected
// values are worked out by hand in the comments beside them, never from the code under test.

const T = 'balinyou';
const Y = new Date().getUTCFullYear() - 1; // a past year: every quarter of it has ended
const db = () => openDb(bindings[findTenant(T)!.binding]!);
const A = (rest: string) => `/api/t/${T}/assessment${rest}`;

let street: Organization;
let otherStreet: Organization;
let lead: Organization;
let organ: Organization;
let a1: MadeAlliance;
let a2: MadeAlliance;
let admin: TestUser;
let reviewer: TestUser;
let otherReviewer: TestUser;
let liaison: TestUser;

// A four-line scheme for the worked example (weights 30 + 20 + 30 + 20 = 100).
const WORKED = [
  { name: '“五个一”活动', kind: 'computed', metric: 'quota_compliance', weight: 30, maxScore: 10 },
  { name: '联席会议', kind: 'computed', metric: 'meetings_held', weight: 20, maxScore: 10 },
  { name: '工作实绩', kind: 'scored', weight: 30, maxScore: 100 },
  { name: '组织评定', kind: 'rated', raterGroup: 'committee', weight: 20, maxScore: 100 },
];
let scheme: SchemeView;

async function problem(res: Response) {
  return (await res.json()) as { code: string; detail: string; reason?: string; errors?: Array<{ path: string; message: string }> };
}

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  otherStreet = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: street });
  // An organ (机关) that must pair for 双报到 and has not: ineligible for 评先评优 this year (seed 003).
  organ = await makeOrg(T, { parent: street, domain: '机关', name: '旗直某局机关党支部' });
  a1 = await makeAlliance(T, { lead, committee: street, status: 'active', members: [organ] });
  a2 = await makeAlliance(T, { lead: await makeOrg(T, { parent: street }), committee: street, status: 'active' });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]);
  otherReviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: otherStreet.id }]);
  liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: lead.id }]);
  // Alliance 1 in year Y: a plan of one 联合走访 a quarter (4 due) with 3 held (Q1–Q3), and joint meetings in Q1 and Q3 only.
  await makeQuotaPlan(T, a1.alliance.id, Y, { kind: 'joint_visit', period: 'quarter', required: 1 });
  for (const d of [`${Y}-02-10`, `${Y}-05-10`, `${Y}-08-10`]) {
    await makeActivity(T, { allianceId: a1.alliance.id, organizerOrgId: lead.id, participantOrgIds: [lead.id], kind: 'joint_visit', status: 'held', activityDate: d });
  }
  // A fourth visit in Q2 does not make up for the missed Q4 (a period counts at most its required).
  await makeActivity(T, { allianceId: a1.alliance.id, organizerOrgId: lead.id, participantOrgIds: [lead.id], kind: 'joint_visit', status: 'held', activityDate: `${Y}-05-20` });
  await makeMeetingWithDecisions(T, a1.alliance.id, [], `${Y}-03-05`);
  await makeMeetingWithDecisions(T, a1.alliance.id, [], `${Y}-09-05`);
  await makeMeetingWithDecisions(T, a1.alliance.id, [], `${Y}-09-25`); // a second in Q3: still one quarter
});

describe('indicator schemes', () => {
  it('weights must sum to 100: 95 % is refused naming the indicators field', async () => {
    const res = await call('POST', A('/schemes'), { token: admin.token, body: { level: 'county', year: Y, name: '权重不足的体系', indicators: WORKED.map((i, n) => (n === 0 ? { ...i, weight: 25 } : i)) } });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.[0]).toMatchObject({ path: 'body.indicators' });
    expect(p.errors?.[0]?.message).toContain('95%');
  });

  it('a computed indicator without its metric is refused at the edge with the field', async () => {
    const res = await call('POST', A('/schemes'), { token: admin.token, body: { level: 'county', year: Y, name: '缺口径', indicators: [{ name: 'x', kind: 'computed', weight: 100, maxScore: 10 }] } });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.map((e) => e.path)).toContain('json.indicators.0.metric');
  });

  it('the default county scheme has all eight metrics and the 四评 groups, weights summing to 100', async () => {
    const res = await call('POST', A('/schemes/default'), { token: admin.token, body: { year: Y + 1 } });
    expect(res.status).toBe(201);
    const s = (await res.json()) as SchemeView;
    expect(s.weightSum).toBe(100);
    expect(s.status).toBe('draft');
    expect(new Set(s.indicators.map((i) => i.metric).filter(Boolean)).size).toBe(8);
    expect(s.indicators.filter((i) => i.kind === 'rated').map((i) => i.raterGroupLabel)).toEqual(['组织评定', '党员评议', '群众评判', '社会评价']);
    expect(DEFAULT_COUNTY_INDICATORS.reduce((x, i) => x + i.weight, 0)).toBe(100);
  });

  it('only the county sets schemes; a committee reviewer is refused (403)', async () => {
    const res = await call('POST', A('/schemes/default'), { token: reviewer.token, body: { year: Y } });
    expect(res.status).toBe(403);
  });

  it('create, edit while draft, publish; a published scheme refuses edits (409)', async () => {
    const res = await call('POST', A('/schemes'), { token: admin.token, body: { level: 'county', year: Y, name: `${Y}年度考核指标`, indicators: WORKED } });
    expect(res.status).toBe(201);
    scheme = (await res.json()) as SchemeView;
    expect(scheme.thresholds).toEqual({ excellent: 9000, good: 8000, fair: 6000 });
    const edit = await call('PUT', A(`/schemes/${scheme.id}`), { token: admin.token, body: { name: `${Y}年度联合体考核指标`, thresholds: scheme.thresholds, indicators: WORKED } });
    expect(edit.status).toBe(200);
    expect(((await edit.json()) as SchemeView).name).toBe(`${Y}年度联合体考核指标`);
    expect((await call('POST', A(`/schemes/${scheme.id}/publish`), { token: admin.token })).status).toBe(200);
    const again = await call('PUT', A(`/schemes/${scheme.id}`), { token: admin.token, body: { name: '改名', thresholds: scheme.thresholds, indicators: WORKED } });
    expect(again.status).toBe(409);
    expect(await problem(again)).toMatchObject({ code: 'conflict', reason: 'published' });
  });
});

describe('the annual assessment', () => {
  let view: AssessmentView;

  it('a reviewer of another street cannot open it (403); a draft scheme cannot be used (409)', async () => {
    const other = await call('POST', A('/assessments'), { token: otherReviewer.token, body: { allianceId: a1.alliance.id, schemeId: scheme.id } });
    expect(other.status).toBe(403);
    expect((await problem(other)).code).toBe('forbidden');
    expect((await call('POST', A('/assessments'), { token: liaison.token, body: { allianceId: a1.alliance.id, schemeId: scheme.id } })).status).toBe(403);
    const draft = (await (await call('POST', A('/schemes/default'), { token: admin.token, body: { year: Y } })).json()) as SchemeView;
    const res = await call('POST', A('/assessments'), { token: reviewer.token, body: { allianceId: a1.alliance.id, schemeId: draft.id } });
    expect(res.status).toBe(409);
    expect(await problem(res)).toMatchObject({ code: 'conflict', errors: [{ path: 'body.schemeId' }] });
  });

  it('the approving committee opens it with the computed indicators prefilled from a hand-counted fixture', async () => {
    const res = await call('POST', A('/assessments'), { token: reviewer.token, body: { allianceId: a1.alliance.id, schemeId: scheme.id } });
    expect(res.status).toBe(201);
    view = (await res.json()) as AssessmentView;
    expect(view.year).toBe(Y);
    const line = (name: string) => view.scores.find((s) => s.name === name)!;
    // 4 quarters × 1 visit due, held in Q1, Q2 (twice: counts once), Q3 → 3 of 4 → 75 % of 10 = 7.5.
    expect(line('“五个一”活动')).toMatchObject({ raw: 750 });
    expect(line('“五个一”活动').evidence).toMatchObject({ held: 3, due: 4 });
    // Joint meetings in Q1 and Q3 (two in Q3) → 2 of 4 quarters → 5 of 10.
    expect(line('联席会议')).toMatchObject({ raw: 500 });
    expect(line('联席会议').evidenceText).toContain('已召开 2 个季度');
    // No committee rating yet → 0, said in the evidence.
    expect(line('组织评定').raw).toBe(0);
    expect(line('组织评定').evidenceText).toContain('暂无评价');
    expect(view.missing).toEqual(['工作实绩']);
  });

  it('one assessment per alliance and year: a second is refused (409)', async () => {
    const res = await call('POST', A('/assessments'), { token: admin.token, body: { allianceId: a1.alliance.id, schemeId: scheme.id } });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p).toMatchObject({ code: 'conflict', reason: 'already_assessed' });
    expect(p.detail).toContain('只考核一次');
  });

  it('finalize is refused while a scored indicator is not entered (409, naming it)', async () => {
    const res = await call('POST', A(`/assessments/${view.id}/finalize`), { token: reviewer.token });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p).toMatchObject({ code: 'conflict', reason: 'missing_scores' });
    expect(p.detail).toContain('工作实绩');
  });

  it('a scored value above the indicator maximum is refused with the field; a computed one cannot be scored by hand', async () => {
    const ind = view.scores.find((s) => s.name === '工作实绩')!;
    const over = await call('PUT', A(`/assessments/${view.id}/scores/${ind.indicatorId}`), { token: reviewer.token, body: { raw: 10001 } });
    expect(over.status).toBe(422);
    expect((await problem(over)).errors?.[0]?.path).toBe('body.raw');
    const computed = view.scores.find((s) => s.name === '联席会议')!;
    const hand = await call('PUT', A(`/assessments/${view.id}/scores/${computed.indicatorId}`), { token: reviewer.token, body: { raw: 900 } });
    expect(hand.status).toBe(409);
    expect(await problem(hand)).toMatchObject({ code: 'conflict', reason: 'not_scored' });
  });

  it('worked example: total and grade by hand; consequences; filing; event; scheme frozen', async () => {
    const ind = view.scores.find((s) => s.name === '工作实绩')!;
    expect((await call('PUT', A(`/assessments/${view.id}/scores/${ind.indicatorId}`), { token: reviewer.token, body: { raw: 8000, note: '实地查看' } })).status).toBe(200);
    await makeRatings(T, view.id, 'committee', [90, 85]);
    const res = await call('POST', A(`/assessments/${view.id}/finalize`), { token: reviewer.token });
    expect(res.status).toBe(200);
    const done = (await res.json()) as AssessmentView;
    // 7.5/10 × 30 = 22.5; 5/10 × 20 = 10; 80/100 × 30 = 24; (90+85)/2 = 87.5 → 87.5/100 × 20 = 17.5. Total 74 → 7400, 一般 (60 ≤ 74 < 80).
    expect(done.score).toBe(7400);
    expect(done.grade).toBe('fair');
    expect(done.gradeLabel).toBe('一般');
    expect(done.consequences).toMatchObject({ eligible: true, promotionCandidate: false, rectification: false, dissolutionProposal: false });
    // The organ member did not pair for 双报到: listed as ineligible on its own.
    expect(done.consequences?.ineligibleMemberOrgs).toEqual([{ orgId: organ.id, name: '旗直某局机关党支部', reason: '机关未结对共建' }]);
    // Filed with the county and the city, each to acknowledge.
    // (The filings are the alliance capability's: read through its 备案 list, as the county reads them.)
    const listed = await call('GET', `/api/t/${T}/filings?kind=assessment&allianceId=${a1.alliance.id}`, { token: admin.token });
    expect(listed.status).toBe(200);
    const filed = ((await listed.json()) as { items: Array<{ kind: string; countyState: string; cityState: string; summary: string }> }).items;
    const f = filed.find((x) => x.kind === 'assessment')!;
    expect(f).toMatchObject({ countyState: 'unread', cityState: 'unread' });
    expect(f.summary).toContain('74 分');
    // The event, derived from the audit row.
    const events = await db().select().from(outbox).where(eq(outbox.aggregateId, view.id));
    const ev = events.find((e) => e.type === 'assessment.finalized');
    expect(ev?.data).toEqual({ assessmentId: view.id, allianceId: a1.alliance.id, year: Y, score: 7400, grade: 'fair' });
    // The scheme is frozen: edits refused naming why.
    const edit = await call('PUT', A(`/schemes/${scheme.id}`), { token: admin.token, body: { name: '改名', thresholds: scheme.thresholds, indicators: WORKED } });
    expect(edit.status).toBe(409);
    const frozen = await problem(edit);
    expect(frozen).toMatchObject({ code: 'conflict', reason: 'frozen' });
    expect(frozen.detail).toContain('冻结');
    // Finalized: no more scores, no second finalize.
    const twice = await call('POST', A(`/assessments/${view.id}/finalize`), { token: reviewer.token });
    expect(twice.status).toBe(409);
    expect(await problem(twice)).toMatchObject({ code: 'conflict', reason: 'finalized' });
  });

  it('较差 two years running → rectification and a dissolution proposal; not eligible', async () => {
    await makeFinalizedAssessment(T, { allianceId: a2.alliance.id, year: Y - 1, schemeId: scheme.id, committeeOrgId: street.id, score: 5000, grade: 'poor' });
    const opened = (await (await call('POST', A('/assessments'), { token: admin.token, body: { allianceId: a2.alliance.id, schemeId: scheme.id } })).json()) as AssessmentView;
    const ind = opened.scores.find((s) => s.name === '工作实绩')!;
    await call('PUT', A(`/assessments/${opened.id}/scores/${ind.indicatorId}`), { token: admin.token, body: { raw: 5000 } });
    const done = (await (await call('POST', A(`/assessments/${opened.id}/finalize`), { token: admin.token })).json()) as AssessmentView;
    // No activities, no meetings, no ratings: only 50/100 × 30 = 15 → 1500, 较差.
    expect(done.score).toBe(1500);
    expect(done.grade).toBe('poor');
    expect(done.consequences).toMatchObject({ eligible: false, rectification: true, dissolutionProposal: true, previousGrade: 'poor' });
  });

  it('results and the distribution as other capabilities read them; the list filters by grade; Excel export', async () => {
    const { adminCtx } = await import('../../../../test/support/activity-factories.ts');
    const ctx = adminCtx(T);
    const results = await assessmentResults(ctx, Y);
    expect(results.map((r) => [r.allianceId, r.score, r.grade, r.eligible, r.rectification]).sort()).toEqual(
      [
        [a1.alliance.id, 7400, 'fair', true, false],
        [a2.alliance.id, 1500, 'poor', false, true],
      ].sort(),
    );
    expect((await gradeDistribution(ctx, Y)).map((g) => g.count)).toEqual([0, 0, 1, 1]);
    const list = await call('GET', A(`/assessments?year=${Y}&grade=poor`), { token: liaison.token });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: Array<{ allianceId: string; gradeLabel: string }> };
    expect(body.items).toEqual([expect.objectContaining({ allianceId: a2.alliance.id, gradeLabel: '较差' })]);
    const xlsx = await call('GET', A(`/assessments/export?year=${Y}`), { token: admin.token });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('年度党建联合体考核结果'));
  });

  it('the other six metrics equal hand counts (refresh picks up ratings that came in after opening)', async () => {
    const lead3 = await makeOrg(T, { parent: street });
    const a3 = await makeAlliance(T, { lead: lead3, committee: street, status: 'active' });
    const far = `${Y + 5}-12-31`; // the needs makeProject adds are not due within the year
    // Projects: completed on time (due 30 June, done 1 June), completed late (due 1 July, done 1 August), one still running past its due date.
    await makeProject(T, a3, 'completed', { completedOn: `${Y}-06-01`, dueOn: `${Y}-06-30` }, { need: { deadline: far } });
    await makeProject(T, a3, 'completed', { completedOn: `${Y}-08-01`, dueOn: `${Y}-07-01` }, { need: { deadline: far } });
    await makeProject(T, a3, 'in_progress', { dueOn: `${Y}-10-01` }, { need: { deadline: far } });
    // Needs received in June of Y: three met, one still open past its deadline.
    const june = Date.UTC(Y, 5, 1);
    for (let i = 0; i < 3; i++) await makeNeed(T, a3, { createdAt: june, quantity: 2, fulfilledQty: 2, status: 'met', deadline: `${Y}-07-01` });
    await makeNeed(T, a3, { createdAt: june, quantity: 2, fulfilledQty: 0, status: 'open', deadline: `${Y}-09-01` });
    // Party members of the (only) member organization: two, and one in-service member who has not reported (双报到); 18 points in the year.
    await makePerson(T, { homeOrgId: lead3.id });
    await makePerson(T, { homeOrgId: lead3.id });
    await makePerson(T, { homeOrgId: lead3.id, inService: true, workUnit: '旗直某局' });
    await makeOrgPoints(T, lead3.id, Y, 18);
    const res = await call('POST', A('/schemes'), {
      token: admin.token,
      body: {
        level: 'county',
        year: Y,
        name: `${Y}年度考核指标（实绩）`,
        indicators: [
          { name: '项目按期', kind: 'computed', metric: 'projects_on_time', weight: 20, maxScore: 10 },
          { name: '需求满足', kind: 'computed', metric: 'needs_met', weight: 20, maxScore: 10 },
          { name: '逾期事项', kind: 'computed', metric: 'overdue_items', weight: 15, maxScore: 10 },
          { name: '人均积分', kind: 'computed', metric: 'points_per_member', weight: 15, maxScore: 10 },
          { name: '双报到', kind: 'computed', metric: 'member_report_compliance', weight: 10, maxScore: 10 },
          { name: '成员单位评价', kind: 'computed', metric: 'member_org_satisfaction', weight: 20, maxScore: 10 },
        ],
      },
    });
    const s3 = (await res.json()) as SchemeView;
    await call('POST', A(`/schemes/${s3.id}/publish`), { token: admin.token });
    const opened = (await (await call('POST', A('/assessments'), { token: reviewer.token, body: { allianceId: a3.alliance.id, schemeId: s3.id } })).json()) as AssessmentView;
    await makeRatings(T, opened.id, 'member_org', [80, 90]);
    const refreshed = await call('POST', A(`/assessments/${opened.id}/refresh`), { token: reviewer.token });
    expect(refreshed.status).toBe(200);
    const v = (await refreshed.json()) as AssessmentView;
    const raw = Object.fromEntries(v.scores.map((x) => [x.name, x.raw]));
    expect(raw).toEqual({
      项目按期: 500, // 1 on time of 2 completed → 5 of 10
      需求满足: 750, // 3 met of 4 received → 7.5 of 10
      逾期事项: 800, // 1 overdue need + 1 overdue project → 10 − 2 = 8
      人均积分: 500, // 18 points ÷ 3 party members = 6 per member; 6 ÷ 12 × 10 = 5
      双报到: 0, // 0 of 1 in-service member met the standard
      成员单位评价: 850, // (80 + 90) ÷ 2 = 85 → 8.5 of 10
    });
    // 5/10×20 + 7.5/10×20 + 8/10×15 + 5/10×15 + 0 + 8.5/10×20 = 10 + 15 + 12 + 7.5 + 0 + 17 = 61.5
    expect(v.provisionalScore).toBe(6150);
  });

  it('a foreign assessment id is 404', async () => {
    expect((await call('GET', A('/assessments/asm_00000000000000000000000000'), { token: admin.token })).status).toBe(404);
  });
});
