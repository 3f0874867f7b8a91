import type { AssessmentRatingsView, IssuedLinksView, MemberOrgRatableView, MyRatableView, Organization, PublicRatingFormView, RatingLinkListView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../test/support/alliance-factories.ts';
import { makeAssessment } from '../../../../test/support/assessment-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { linkPerson, makePerson } from '../../../../test/support/people-factories.ts';
import { bindings } from '../../../../test/support/worker.ts';

// 四评 (issue 12; seed 004 三(三); seed 003 mechanism 6): one answer per
// rater in each group, residents by one-answer links without login, nothing
// once the assessment is finalized; tallies worked out by hand below.
const T = 'aohan';
const OTHER = 'hongshan';
const d1 = () => bindings[findTenant(T)!.binding]!;
const api = (p: string) => `/api/t/${T}${p}`;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
async function problem(res: Response, status: number, code: string, extra: { field?: string; reason?: string } = {}) {
  const p = await json<{ code: string; detail: string; reason?: string; errors?: Array<{ path: string }> }>(res, status);
  expect(p.code).toBe(code);
  if (extra.field) expect(p.errors?.map((e) => e.path)).toContain(extra.field);
  if (extra.reason) expect(p.reason).toBe(extra.reason);
  return p;
}

let committee: Organization;
let otherCommittee: Organization;
let made: MadeAlliance;
let memberOrg: Organization;
let outsider: Organization;
let assessmentId: string;
let finalizedId: string;
let county: TestUser;
let reviewer: TestUser;
let reviewer2: TestUser;
let otherReviewer: TestUser;
let liaison: TestUser;
let outsiderLiaison: TestUser;
let memberUser: TestUser;
let strangerMember: TestUser;
let foreignCounty: TestUser;

const rate = (u: TestUser, body: unknown, id = assessmentId) => call('POST', api(`/assessments/${id}/ratings`), { token: u.token, body });
const issue = (u: TestUser, body: unknown, id = assessmentId) => call('POST', api(`/assessments/${id}/rating-links`), { token: u.token, body });
const pub = (token: string, body?: unknown) => call(body === undefined ? 'GET' : 'POST', `/api/public/ratings/${token}`, { body });

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  otherCommittee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(T, { parent: committee });
  memberOrg = await makeOrg(T, { kind: '党委', domain: '机关' });
  outsider = await makeOrg(T, { domain: '机关' });
  made = await makeAlliance(T, { lead, committee, members: [memberOrg] });
  assessmentId = (await makeAssessment(T, { allianceId: made.alliance.id, committeeOrgId: committee.id })).id;
  finalizedId = (await makeAssessment(T, { allianceId: made.alliance.id, committeeOrgId: committee.id, status: 'finalized' })).id;
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }]);
  reviewer2 = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }]);
  otherReviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: otherCommittee.id }]);
  liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: memberOrg.id }]);
  outsiderLiaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: outsider.id }]);
  foreignCounty = await makeUser([{ tenant: OTHER, role: 'county_admin' }]);
  // A member whose home branch lies under a member organization (党委 → its 支部), and one of an organization outside the alliance.
  const branch = await makeOrg(T, { parent: memberOrg });
  memberUser = await makeUser([{ tenant: T, role: 'member' }]);
  await linkPerson(T, (await makePerson(T, { homeOrgId: branch.id })).id, memberUser.id);
  strangerMember = await makeUser([{ tenant: T, role: 'member' }]);
  await linkPerson(T, (await makePerson(T, { homeOrgId: outsider.id })).id, strangerMember.id);
});

describe('ratings by the committee, the departments and the member organizations', () => {
  it('each committee account rates once; a second answer is refused with the reason', async () => {
    await json(await rate(reviewer, { group: 'committee', score: 90, level: 'excellent', comment: '牵头有力' }), 201);
    const second = await problem(await rate(reviewer, { group: 'committee', score: 60, level: 'fair' }), 409, 'conflict');
    expect(second.detail).toContain('只能评价一次');
    await json(await rate(reviewer2, { group: 'committee', score: 85, level: 'good' }), 201);
  });

  it('a committee that did not approve the alliance cannot rate it, nor read its ratings', async () => {
    await problem(await rate(otherReviewer, { group: 'committee', score: 90, level: 'excellent' }), 403, 'forbidden');
    await problem(await call('GET', api(`/assessments/${assessmentId}/ratings`), { token: otherReviewer.token }), 403, 'forbidden');
  });

  it('a department answers once by its name, entered by the county', async () => {
    await json(await rate(county, { group: 'department', department: '旗民政局', score: 80, level: 'good' }), 201);
    await problem(await rate(reviewer, { group: 'department', department: '旗民政局', score: 70, level: 'fair' }), 409, 'conflict');
    await problem(await rate(county, { group: 'department', score: 70, level: 'fair' }), 422, 'validation_failed', { field: 'json.department' });
  });

  it('a member organization answers once through its liaison; another organization\'s liaison cannot answer for it', async () => {
    await problem(await rate(outsiderLiaison, { group: 'member_org', orgId: memberOrg.id, score: 88, level: 'good' }), 403, 'forbidden');
    // …nor for its own organization, which is not a member of the alliance.
    await problem(await rate(outsiderLiaison, { group: 'member_org', orgId: outsider.id, score: 88, level: 'good' }), 422, 'validation_failed', { field: 'body.orgId' });
    const before = await json<MemberOrgRatableView[]>(await call('GET', api('/member-org-ratings'), { token: liaison.token }), 200);
    expect(before.map((a) => [a.assessmentId, a.orgId, a.mine])).toEqual([[assessmentId, memberOrg.id, null]]);
    await json(await rate(liaison, { group: 'member_org', orgId: memberOrg.id, score: 92, level: 'excellent' }), 201);
    const after = await json<MemberOrgRatableView[]>(await call('GET', api('/member-org-ratings'), { token: liaison.token }), 200);
    expect(after[0]!.mine).toMatchObject({ score: 92, level: 'excellent' });
    expect(await json<MemberOrgRatableView[]>(await call('GET', api('/member-org-ratings'), { token: outsiderLiaison.token }), 200)).toEqual([]);
    await problem(await rate(liaison, { group: 'member_org', orgId: memberOrg.id, score: 92, level: 'excellent' }), 409, 'conflict');
  });

  it('bad input is refused field by field', async () => {
    await problem(await rate(reviewer2, { group: 'committee', score: 101, level: 'good' }), 422, 'validation_failed', { field: 'json.score' });
    await problem(await rate(reviewer2, { group: 'committee', score: 80, level: '满意' }), 422, 'validation_failed', { field: 'json.level' });
    await problem(await rate(reviewer2, { group: 'resident', score: 80, level: 'good' }), 422, 'validation_failed', { field: 'json.group' });
  });

  it('a finalized assessment takes no rating and issues no link (409)', async () => {
    await problem(await rate(reviewer, { group: 'committee', score: 90, level: 'excellent' }, finalizedId), 409, 'conflict');
    await problem(await issue(reviewer, { count: 1 }, finalizedId), 409, 'conflict');
  });

  it('another county sees nothing of this assessment (404)', async () => {
    const res = await call('GET', `/api/t/${OTHER}/assessments/${assessmentId}/ratings`, { token: foreignCounty.token });
    await problem(res, 404, 'not_found');
  });
});

describe('党员评议 under /my', () => {
  it('a member of a member organization sees the open assessment and rates it once', async () => {
    const list = await json<MyRatableView[]>(await call('GET', api('/my/ratings'), { token: memberUser.token }), 200);
    expect(list.map((a) => [a.assessmentId, a.mine])).toEqual([[assessmentId, null]]);
    await json(await call('POST', api(`/my/ratings/${assessmentId}`), { token: memberUser.token, body: { score: 95, level: 'excellent' } }), 201);
    await problem(await call('POST', api(`/my/ratings/${assessmentId}`), { token: memberUser.token, body: { score: 95, level: 'excellent' } }), 409, 'conflict');
    const after = await json<MyRatableView[]>(await call('GET', api('/my/ratings'), { token: memberUser.token }), 200);
    expect(after[0]!.mine).toMatchObject({ score: 95, level: 'excellent' });
  });

  it('a member of an organization outside the alliance is refused with the reason', async () => {
    expect(await json<MyRatableView[]>(await call('GET', api('/my/ratings'), { token: strangerMember.token }), 200)).toEqual([]);
    const p = await problem(await call('POST', api(`/my/ratings/${assessmentId}`), { token: strangerMember.token, body: { score: 60, level: 'fair' } }), 403, 'forbidden');
    expect(p.detail).toContain('不是该联合体的成员单位');
  });

  it('a finalized assessment refuses a member too', async () => {
    await problem(await call('POST', api(`/my/ratings/${finalizedId}`), { token: memberUser.token, body: { score: 60, level: 'fair' } }), 409, 'conflict');
  });
});

describe('群众评判 by one-answer links, no login', () => {
  let tokens: string[];
  const linkIds: string[] = [];

  beforeAll(async () => {
    const issued = await json<IssuedLinksView>(await issue(reviewer, { count: 6, label: '社区居民' }), 201);
    tokens = issued.links.map((l) => l.token);
    linkIds.push(...issued.links.map((l) => l.id));
    // 30 days by default.
    expect(issued.expiresAt - Date.now()).toBeGreaterThan(29 * 86_400_000);
  });

  it('a token carries ≥ 128 random bits and only its hash is stored', async () => {
    expect(tokens[0]).toMatch(/^aohan\.[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(6);
    const stored = await d1().prepare('SELECT token_hash FROM rating_links WHERE id = ?').bind(linkIds[0]).first<{ token_hash: string }>();
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.token_hash).not.toContain(tokens[0]!.split('.')[1]);
  });

  it('the form needs no login and names the county, the alliance, the year — no ids', async () => {
    const form = await json<PublicRatingFormView>(await pub(tokens[0]!), 200);
    expect(form).toMatchObject({ countyName: '敖汉旗', allianceName: made.alliance.name });
    expect(JSON.stringify(form)).not.toMatch(/asm_|aln_|rlk_|org_/);
  });

  it('one answer per link: a second is 410 used', async () => {
    await json(await pub(tokens[0]!, { score: 95, level: 'satisfied', comment: '办事快' }), 201);
    await problem(await pub(tokens[0]!, { score: 10, level: 'dissatisfied' }), 410, 'gone', { reason: 'used' });
    await problem(await pub(tokens[0]!), 410, 'gone', { reason: 'used' });
  });

  it('two POSTs at once with one token write one rating', async () => {
    const [a, b] = await Promise.all([pub(tokens[1]!, { score: 40, level: 'dissatisfied' }), pub(tokens[1]!, { score: 41, level: 'dissatisfied' })]);
    expect([a.status, b.status].sort()).toEqual([201, 410]);
    const n = await d1().prepare("SELECT count(*) AS n FROM assessment_ratings WHERE rater_group = 'resident' AND rater_key = ?").bind(linkIds[1]).first<{ n: number }>();
    expect(n!.n).toBe(1);
  });

  it('an expired link is 410 expired; an unknown one 404; a bad answer 422', async () => {
    await d1().prepare('UPDATE rating_links SET expires_at = ? WHERE id = ?').bind(Date.now() - 1000, linkIds[2]).run();
    await problem(await pub(tokens[2]!), 410, 'gone', { reason: 'expired' });
    await problem(await pub(tokens[2]!, { score: 80, level: 'satisfied' }), 410, 'gone', { reason: 'expired' });
    await problem(await pub(`aohan.${'A'.repeat(43)}`), 404, 'not_found');
    await problem(await pub('not-a-token'), 404, 'not_found');
    await problem(await pub(tokens[3]!, { score: 80, level: 'excellent' }), 422, 'validation_failed', { field: 'json.level' });
  });

  it("a token of this county opens nothing in another county's database", async () => {
    const foreign = tokens[3]!.replace(/^aohan\./, `${OTHER}.`);
    await problem(await pub(foreign), 404, 'not_found');
    await problem(await pub(foreign, { score: 80, level: 'satisfied' }), 404, 'not_found');
  });

  it('the resident is audited as 群众 with a rating event naming only the group', async () => {
    const audit = await d1()
      .prepare("SELECT actor_id, actor_role, entity_id FROM audit_log WHERE action = 'assessment.rate' AND after LIKE '%resident%' ORDER BY rowid")
      .all<{ actor_id: string; actor_role: string; entity_id: string }>();
    expect(audit.results.length).toBe(2);
    expect(audit.results.every((r) => r.actor_id === 'resident' && r.actor_role === 'resident')).toBe(true);
    const ev = await d1().prepare("SELECT data FROM outbox WHERE type = 'assessment.rated' AND aggregate_id = ?").bind(audit.results[0]!.entity_id).first<{ data: string }>();
    expect(JSON.parse(ev!.data)).toEqual({ ratingId: audit.results[0]!.entity_id, assessmentId, raterGroup: 'resident' });
  });

  it('revoking withdraws the unused links only; a revoked link is 410 revoked', async () => {
    // 6 issued: 2 used, 1 expired → 3 open.
    const res = await json<{ revoked: number }>(await call('POST', api(`/assessments/${assessmentId}/rating-links/revoke`), { token: reviewer.token, body: { linkIds: [linkIds[3]!] } }), 200);
    expect(res.revoked).toBe(1);
    await problem(await pub(tokens[3]!), 410, 'gone', { reason: 'revoked' });
    const list = await json<RatingLinkListView>(await call('GET', api(`/assessments/${assessmentId}/rating-links`), { token: reviewer.token }), 200);
    expect(list.stats).toEqual({ issued: 6, used: 2, expired: 1, revoked: 1, open: 2 });
    expect(JSON.stringify(list)).not.toContain(tokens[4]!);
    expect((await json<{ revoked: number }>(await call('POST', api(`/assessments/${assessmentId}/rating-links/revoke`), { token: county.token, body: {} }), 200)).revoked).toBe(2);
    await problem(await call('POST', api(`/assessments/${assessmentId}/rating-links/revoke`), { token: county.token, body: {} }), 409, 'conflict');
  });

  it('links: 1 to 500 a request', async () => {
    await problem(await issue(reviewer, { count: 0 }), 422, 'validation_failed', { field: 'json.count' });
    await problem(await issue(reviewer, { count: 501 }), 422, 'validation_failed', { field: 'json.count' });
    await problem(await issue(liaison, { count: 1 }), 403, 'forbidden');
  });
});

describe('the committee reads the tallies', () => {
  it('per group: count, average in hundredths and the levels, worked out by hand', async () => {
    const view = await json<AssessmentRatingsView>(await call('GET', api(`/assessments/${assessmentId}/ratings`), { token: reviewer.token }), 200);
    const by = Object.fromEntries(view.tallies.map((t) => [t.group, t]));
    // 组织评定 90 + 85 → 87.50; 党员 95; 群众 95 + (40 or 41: whichever POST won) → 67.50 or 68.00;
    // 社会评价 80; 成员单位 92.
    expect(by.committee).toEqual({ group: 'committee', count: 2, average: 8750, levels: { excellent: 1, good: 1 } });
    expect(by.member).toEqual({ group: 'member', count: 1, average: 9500, levels: { excellent: 1 } });
    expect(by.resident!.count).toBe(2);
    expect([6750, 6800]).toContain(by.resident!.average);
    expect(by.resident!.levels).toEqual({ satisfied: 1, dissatisfied: 1 });
    expect(by.department).toEqual({ group: 'department', count: 1, average: 8000, levels: { good: 1 } });
    expect(by.member_org).toEqual({ group: 'member_org', count: 1, average: 9200, levels: { excellent: 1 } });
    // Comments are the committee's to read; members and residents stay anonymous.
    expect(view.ratings.find((r) => r.comment === '办事快')).toMatchObject({ group: 'resident', rater: null });
    expect(view.ratings.find((r) => r.group === 'member')!.rater).toBeNull();
    expect(view.ratings.find((r) => r.group === 'department')!.rater).toBe('旗民政局');
    expect(view.ratings.find((r) => r.group === 'member_org')!.rater).toBe(memberOrg.name);
    expect(view.links).toEqual({ issued: 6, used: 2, expired: 1, revoked: 3, open: 0 });
  });
});
