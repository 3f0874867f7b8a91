import { newId, openDb, prepareStatements, systemClock, type Ctx } from '@ronghe/core';
import { applyOnce, type EventEnvelope } from '@ronghe/events';
import type { LeaderboardView, MyPointsView, Organization, PointEntryView, PointRuleView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance } from '../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../test/support/factories.ts';
import { makePointEntry, makePointsPerson } from '../../../test/support/points-factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { pointsConsumer, pointsStatementsOf } from './consumer/consumer.ts';
import { branchPoints, personPoints } from './read.ts';

// 积分 (issue 11 § Points): awards from events (once per event, even
// redelivered or concurrent), caps, compensations only, rule versions, hand
// awards by role, leaderboards and 我的积分 — every number worked out by hand
// from the default rules (packages/points/src/rules/defaults.ts):
// 组织生活 2 each ≤ 10/month; 政治学习 1 each ≤ 5/month (county or the
// branch's liaison by hand); 志愿服务 1 per full hour ≤ 20/month; 报到领岗 5 ≤ 10/year;
// 联合体活动 2 each ≤ 10/month; 双报到 1 per full hour ≤ 10/month; 其他 by the county, no cap.
const T = 'linxi';
const d1 = () => bindings[findTenant(T)!.binding]!;
const env = bindings as unknown as Record<string, unknown>;
const api = (p: string) => `/api/t/${T}${p}`;

/** An instant in Asia/Shanghai. */
const at = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);

function envelope(type: string, data: Record<string, unknown>, when = at('2025-03-10T10:00:00')): EventEnvelope {
  return { id: newId('evt' as never), type, version: 1, tenant: T, aggregate: { type: 'x', id: 'x_1' }, actor: { userId: 'usr_x', role: 'member' }, at: when, requestId: 'req_points_test', data };
}

const entriesOf = async (personId: string) =>
  (await d1().prepare('SELECT rule_code, kind, points, requested, year, month FROM point_entries WHERE person_id = ? ORDER BY rowid').bind(personId).all<{ rule_code: string; kind: string; points: number; requested: number; year: number; month: number }>()).results;
const totalOf = async (personId: string, year: number) =>
  (await d1().prepare('SELECT total FROM point_totals WHERE person_id = ? AND year = ?').bind(personId, year).first<{ total: number }>())?.total ?? 0;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
async function problem(res: Response, status: number, code: string, field?: string) {
  const p = await json<{ code: string; errors?: Array<{ path: string }> }>(res, status);
  expect(p.code).toBe(code);
  if (field) expect(p.errors?.map((e) => e.path)).toContain(field);
}

let committee: Organization;
let branchA: Organization;
let branchB: Organization;
let county: TestUser;
let liaisonA: TestUser;
let memberUser: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  branchA = await makeOrg(T, { parent: committee });
  branchB = await makeOrg(T, { parent: committee });
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
  liaisonA = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: branchA.id }]);
  memberUser = await makeUser([{ tenant: T, role: 'member' }]);
  stranger = await makeUser([{ tenant: T, role: 'member' }]);
});

describe('awards from events', () => {
  it('a confirmed service earns 1 point per full hour, once however often the event comes', async () => {
    const p = await makePointsPerson(T, { homeOrgId: branchA.id });
    const e = envelope('service.confirmed', { serviceLogId: 'svc_1', personId: p.id, postId: 'pst_1', minutes: 150 });
    expect(await applyOnce(pointsConsumer, e, d1(), env, Date.now())).toBe('done');
    expect(await applyOnce(pointsConsumer, e, d1(), env, Date.now())).toBe('already');
    // 150 minutes = 2 full hours → 2 points, in March 2025.
    expect(await entriesOf(p.id)).toEqual([{ rule_code: 'service_hour', kind: 'award', points: 2, requested: 2, year: 2025, month: 3 }]);
    expect(await totalOf(p.id, 2025)).toBe(2);
  });

  it('two deliveries of one event at the same moment award once', async () => {
    const p = await makePointsPerson(T, { homeOrgId: branchA.id });
    const e = envelope('activity.attendance_recorded', { checkinId: 'chk_1', activityId: 'act_1', personId: p.id, allianceId: 'aln_1' });
    const outcomes = await Promise.all([applyOnce(pointsConsumer, e, d1(), env, Date.now()), applyOnce(pointsConsumer, e, d1(), env, Date.now())]);
    expect(outcomes.sort()).toEqual(['already', 'done']);
    // Even without the dispatcher's marker (a second consumer name, a replay), the ledger's unique source key holds.
    for (let i = 0; i < 2; i++) await d1().batch(prepareStatements(d1(), await pointsStatementsOf(d1(), e)));
    expect(await entriesOf(p.id)).toHaveLength(1);
    expect(await totalOf(p.id, 2025)).toBe(2);
  });

  it('organizational life awards each attendee once; a declined post and 59 minutes earn nothing; an approved post earns 5', async () => {
    const [a, b, c] = [await makePointsPerson(T, { homeOrgId: branchB.id }), await makePointsPerson(T, { homeOrgId: branchB.id }), await makePointsPerson(T, { homeOrgId: branchB.id })];
    const life = envelope('org_life.recorded', { recordId: 'olr_1', orgId: branchB.id, kind: '主题党日', attendeeIds: [a.id, b.id, c.id, a.id] });
    await applyOnce(pointsConsumer, life, d1(), env, Date.now());
    await d1().batch(prepareStatements(d1(), await pointsStatementsOf(d1(), life)));
    for (const p of [a, b, c]) expect((await entriesOf(p.id)).map((x) => x.points)).toEqual([2]);
    await applyOnce(pointsConsumer, envelope('post_claim.decided', { claimId: 'pcm_1', postId: 'pst_1', personId: a.id, to: 'declined' }), d1(), env, Date.now());
    await applyOnce(pointsConsumer, envelope('report_record.added', { recordId: 'rrc_1', personId: a.id, communityOrgId: branchA.id, minutes: 59 }), d1(), env, Date.now());
    await applyOnce(pointsConsumer, envelope('post_claim.decided', { claimId: 'pcm_2', postId: 'pst_2', personId: a.id, to: 'approved' }), d1(), env, Date.now());
    expect((await entriesOf(a.id)).map((x) => [x.rule_code, x.points])).toEqual([['org_life', 2], ['post_duty', 5]]);
    expect(await totalOf(a.id, 2025)).toBe(7);
    // The branch total is its members' sum: 2 + 2 + 2 + 5.
    const ctx = { db: openDb(d1()) } as unknown as Ctx;
    expect((await branchPoints(ctx, 2025, [branchB.id])).get(branchB.id)).toBe(11);
    expect(await personPoints(ctx, a.id, 2025)).toBe(7);
  });

  it('an organizational life of 120 attendees is three statements (entries, person totals, branch totals), each attendee capped on their own', async () => {
    const branch = await makeOrg(T, { parent: committee });
    const attendees = [];
    for (let i = 0; i < 120; i++) attendees.push(await makePointsPerson(T, { homeOrgId: branch.id }));
    // One of them already has 9 of March's 10 组织生活 points: this meeting gives them 1, the others 2.
    const full = attendees[7]!;
    for (let i = 0; i < 4; i++) await applyOnce(pointsConsumer, envelope('org_life.recorded', { recordId: `olr_pre${i}`, orgId: branch.id, kind: '党小组会', attendeeIds: [full.id] }), d1(), env, Date.now());
    await makePointEntry(T, full, { ruleCode: 'org_life', points: 1, year: 2025, month: 3 });
    const life = envelope('org_life.recorded', { recordId: 'olr_big', orgId: branch.id, kind: '支部党员大会', attendeeIds: attendees.map((a) => a.id) });
    const statements = await pointsStatementsOf(d1(), life);
    expect(statements).toHaveLength(3);
    expect(await applyOnce(pointsConsumer, life, d1(), env, Date.now())).toBe('done');
    expect((await entriesOf(full.id)).map((r) => r.points)).toEqual([2, 2, 2, 2, 1, 1]);
    expect(await totalOf(full.id, 2025)).toBe(10);
    for (const a of attendees.slice(0, 3)) expect(await totalOf(a.id, 2025)).toBe(2);
    const ctx = { db: openDb(d1()) } as unknown as Ctx;
    // 119 × 2 + the capped attendee's 10.
    expect((await branchPoints(ctx, 2025, [branch.id])).get(branch.id)).toBe(119 * 2 + 10);
  });

  it('an unknown person earns nothing and the event is still consumed', async () => {
    const e = envelope('activity.attendance_recorded', { checkinId: 'chk_x', activityId: 'act_1', personId: 'psn_nobody', allianceId: 'aln_1' });
    expect(await applyOnce(pointsConsumer, e, d1(), env, Date.now())).toBe('done');
    expect((await d1().prepare('SELECT count(*) AS n FROM point_entries WHERE source_key = ?').bind(e.id).first<{ n: number }>())!.n).toBe(0);
  });
});

describe('caps', () => {
  it('attendance stops at 10 points a month: the sixth in March earns 0 (its event still recorded), April starts again', async () => {
    const p = await makePointsPerson(T, { homeOrgId: branchA.id });
    const march = Array.from({ length: 6 }, (_, i) => envelope('activity.attendance_recorded', { checkinId: `chk_m${i}`, activityId: `act_m${i}`, personId: p.id, allianceId: 'aln_1' }, at(`2025-03-${10 + i}T09:00:00`)));
    for (const e of march) await applyOnce(pointsConsumer, e, d1(), env, Date.now());
    // The last day of March at 23:30 in Shanghai is still March (15:30 UTC).
    await applyOnce(pointsConsumer, envelope('activity.attendance_recorded', { checkinId: 'chk_late', activityId: 'act_late', personId: p.id, allianceId: 'aln_1' }, at('2025-03-31T23:30:00')), d1(), env, Date.now());
    await applyOnce(pointsConsumer, envelope('activity.attendance_recorded', { checkinId: 'chk_apr', activityId: 'act_apr', personId: p.id, allianceId: 'aln_1' }, at('2025-04-01T00:30:00')), d1(), env, Date.now());
    const rows = await entriesOf(p.id);
    expect(rows.map((r) => [r.month, r.points, r.requested])).toEqual([
      [3, 2, 2], [3, 2, 2], [3, 2, 2], [3, 2, 2], [3, 2, 2], [3, 0, 2], [3, 0, 2], [4, 2, 2],
    ]);
    expect(await totalOf(p.id, 2025)).toBe(12);
  });

  it('two awards racing for the last points of a month cannot pass the cap', async () => {
    const p = await makePointsPerson(T, { homeOrgId: branchA.id });
    const ev = (i: number) => envelope('activity.attendance_recorded', { checkinId: `chk_r${i}`, activityId: `act_r${i}`, personId: p.id, allianceId: 'aln_1' }, at('2025-06-02T09:00:00'));
    for (let i = 0; i < 4; i++) await applyOnce(pointsConsumer, ev(i), d1(), env, Date.now());
    // 8 points so far: room for exactly one more attendance.
    await Promise.all([applyOnce(pointsConsumer, ev(10), d1(), env, Date.now()), applyOnce(pointsConsumer, ev(11), d1(), env, Date.now())]);
    expect((await entriesOf(p.id)).map((r) => r.points).sort()).toEqual([0, 2, 2, 2, 2, 2]);
    expect(await totalOf(p.id, 2025)).toBe(10);
  });
});

describe('the ledger is append-only', () => {
  it('the database refuses UPDATE and DELETE of an entry and of a rule version', async () => {
    const p = await makePointsPerson(T, { homeOrgId: branchA.id });
    await applyOnce(pointsConsumer, envelope('activity.attendance_recorded', { checkinId: 'chk_ao', activityId: 'act_ao', personId: p.id, allianceId: 'aln_1' }), d1(), env, Date.now());
    await expect(d1().prepare('UPDATE point_entries SET points = 100 WHERE person_id = ?').bind(p.id).run()).rejects.toThrow(/append-only/);
    await expect(d1().prepare('DELETE FROM point_entries WHERE person_id = ?').bind(p.id).run()).rejects.toThrow(/append-only/);
    await expect(d1().prepare("UPDATE point_rules SET points_per_unit = 9 WHERE code = 'org_life'").run()).rejects.toThrow(/append-only/);
    await expect(d1().prepare("DELETE FROM point_rules WHERE code = 'org_life'").run()).rejects.toThrow(/append-only/);
    expect((await entriesOf(p.id)).map((r) => r.points)).toEqual([2]);
  });
});

describe('rules', () => {
  it('the county reads the defaults; a change is a new version and old entries keep their points', async () => {
    const rules = await json<{ items: PointRuleView[] }>(await call('GET', api('/points/rules'), { token: memberUser.token }), 200);
    expect(rules.items.map((r) => r.code).sort()).toEqual(['activity_attendance', 'manual', 'org_life', 'post_duty', 'project_contribution', 'report_participation', 'service_hour', 'study']);
    const svc = rules.items.find((r) => r.code === 'report_participation')!;
    expect([svc.version, svc.pointsPerUnit, svc.capPeriod, svc.capPoints]).toEqual([1, 1, 'month', 10]);

    const p = await makePointsPerson(T, { homeOrgId: branchA.id });
    await applyOnce(pointsConsumer, envelope('report_record.added', { recordId: 'rrc_v1', personId: p.id, communityOrgId: branchA.id, minutes: 125 }), d1(), env, Date.now());

    const body = { name: '双报到社区服务（每满1小时）', pointsPerUnit: 3, capPeriod: 'month', capPoints: 30, awardRoles: ['county_admin'], reasonRequired: true, enabled: true };
    await problem(await call('PUT', api('/points/rules/report_participation'), { token: county.token, body }), 428, 'precondition_required');
    await problem(await call('PUT', api('/points/rules/report_participation'), { token: liaisonA.token, body, headers: { 'if-match': '"v1"' } }), 403, 'forbidden');
    const v2 = await json<PointRuleView>(await call('PUT', api('/points/rules/report_participation'), { token: county.token, body, headers: { 'if-match': '"v1"' } }), 200);
    expect([v2.version, v2.pointsPerUnit]).toEqual([2, 3]);
    // Saving again from version 1 (someone else's stale page) is refused.
    await problem(await call('PUT', api('/points/rules/report_participation'), { token: county.token, body, headers: { 'if-match': '"v1"' } }), 412, 'precondition_failed');
    await problem(await call('PUT', api('/points/rules/no_such_rule'), { token: county.token, body, headers: { 'if-match': '"v1"' } }), 404, 'not_found');

    await applyOnce(pointsConsumer, envelope('report_record.added', { recordId: 'rrc_v2', personId: p.id, communityOrgId: branchA.id, minutes: 125 }), d1(), env, Date.now());
    const ledger = await json<{ items: PointEntryView[] }>(await call('GET', api(`/points/entries?personId=${p.id}`), { token: county.token }), 200);
    // Newest first: 2 hours at 3 points (version 2), then 2 hours at 1 point (version 1, unchanged).
    expect(ledger.items.map((e) => [e.points, e.ruleVersion])).toEqual([[6, 2], [2, 1]]);
    expect(await totalOf(p.id, 2025)).toBe(8);
    const history = await json<{ items: PointRuleView[] }>(await call('GET', api('/points/rules/report_participation/history'), { token: county.token }), 200);
    expect(history.items.map((r) => [r.version, r.pointsPerUnit])).toEqual([[2, 3], [1, 1]]);
  });
});

describe('hand awards and corrections', () => {
  it('the branch liaison awards its own members by rules that allow it; the cap clips; a correction reverses once', async () => {
    const mine = await makePointsPerson(T, { homeOrgId: branchA.id });
    const other = await makePointsPerson(T, { homeOrgId: branchB.id });
    const award = (token: string, body: Record<string, unknown>) => call('POST', api('/points/entries'), { token, body });
    const study = { personId: mine.id, ruleCode: 'study', units: 3, reason: '学习强国专题学习', occurredOn: '2025-05-10' };

    const first = await json<PointEntryView>(await award(liaisonA.token, study), 201);
    expect([first.points, first.requested, first.kind, first.year, first.month]).toEqual([3, 3, 'manual', 2025, 5]);
    await problem(await award(liaisonA.token, { ...study, personId: other.id }), 403, 'forbidden');
    await problem(await award(liaisonA.token, { ...study, ruleCode: 'manual' }), 403, 'forbidden');
    await problem(await award(memberUser.token, study), 403, 'forbidden');
    await problem(await award(liaisonA.token, { personId: mine.id, ruleCode: 'study', units: 1 }), 422, 'validation_failed', 'body.reason');
    // 政治学习 allows 5 a month: 3 given, 3 more asked → 2 granted.
    const clipped = await json<PointEntryView>(await award(liaisonA.token, study), 201);
    expect([clipped.points, clipped.requested]).toEqual([2, 3]);

    const comp = await json<PointEntryView>(await call('POST', api(`/points/entries/${first.id}/compensate`), { token: county.token, body: { reason: '重复登记，予以冲正' } }), 201);
    expect([comp.kind, comp.points, comp.compensatesId, comp.month]).toEqual(['compensation', -3, first.id, 5]);
    await problem(await call('POST', api(`/points/entries/${first.id}/compensate`), { token: county.token, body: { reason: '再次冲正' } }), 409, 'conflict');
    await problem(await call('POST', api(`/points/entries/${comp.id}/compensate`), { token: county.token, body: { reason: '冲正的冲正' } }), 409, 'conflict');
    await problem(await call('POST', api('/points/entries/ple_00000000000000000000000000/compensate'), { token: county.token, body: { reason: '不存在' } }), 404, 'not_found');
    // 3 + 2 − 3 = 2; the correction gave back room under the cap: 3 more fit (5 − 2).
    expect(await totalOf(mine.id, 2025)).toBe(2);
    expect((await json<PointEntryView>(await award(liaisonA.token, study), 201)).points).toBe(3);
    expect(await totalOf(mine.id, 2025)).toBe(5);
    const listed = await json<{ items: PointEntryView[] }>(await call('GET', api(`/points/entries?personId=${mine.id}&kind=manual`), { token: county.token }), 200);
    expect(listed.items.find((e) => e.id === first.id)?.compensatedBy).toBe(comp.id);
  });
});

describe('leaderboards and my points', () => {
  it('ranks members, branches and alliances for a year, a month and a quarter; 我的积分 shows rank in county and branch', async () => {
    // A world of its own, in 2024: branches C (p1 30, p2 50) and D (p3 30, p4 10 in February);
    // alliance X led by C with D as member, alliance Y led by D with a member without points.
    const c = await makeOrg(T, { parent: committee, name: '积分甲支部' });
    const dd = await makeOrg(T, { parent: committee, name: '积分乙支部' });
    const x = await makeAlliance(T, { lead: c, committee, members: [dd], name: '积分联合体甲' });
    const y = await makeAlliance(T, { lead: dd, committee, members: [await makeOrg(T, { domain: '机关' })], name: '积分联合体乙' });
    const p1 = await makePointsPerson(T, { homeOrgId: c.id, userId: memberUser.id, name: '张积分' });
    const p2 = await makePointsPerson(T, { homeOrgId: c.id, name: '李积分' });
    const p3 = await makePointsPerson(T, { homeOrgId: dd.id, name: '王积分' });
    const p4 = await makePointsPerson(T, { homeOrgId: dd.id, name: '赵积分' });
    const give = async (personId: string, units: number, occurredOn: string) =>
      json(await call('POST', api('/points/entries'), { token: county.token, body: { personId, ruleCode: 'manual', units, reason: '评为优秀党员', occurredOn } }), 201);
    await give(p1.id, 30, '2024-01-15');
    await give(p2.id, 50, '2024-01-20');
    await give(p3.id, 30, '2024-01-25');
    await give(p4.id, 10, '2024-02-05');

    const board = async (q: string) => json<LeaderboardView>(await call('GET', api(`/points/leaderboard?${q}`), { token: stranger.token }), 200);
    // Ties share a rank and are listed by person id.
    const tie = [[2, '张积分', 30, '积分甲支部'], [2, '王积分', 30, '积分乙支部']];
    if (p3.id < p1.id) tie.reverse();
    expect((await board('year=2024')).items.map((r) => [r.rank, r.name, r.total, r.orgName])).toEqual([[1, '李积分', 50, '积分甲支部'], ...tie, [4, '赵积分', 10, '积分乙支部']]);
    expect((await board('year=2024&month=2')).items.map((r) => [r.rank, r.name, r.total])).toEqual([[1, '赵积分', 10]]);
    expect((await board('year=2024&quarter=1')).items.map((r) => r.total)).toEqual([50, 30, 30, 10]);
    expect((await board('year=2024&by=branch')).items.map((r) => [r.rank, r.name, r.total])).toEqual([[1, '积分甲支部', 80], [2, '积分乙支部', 40]]);
    // X: C 80 + D 40; Y: D 40 (the alliances' own lead orgs count as members).
    const alliances = (await board('year=2024&by=alliance')).items.filter((r) => r.id === x.alliance.id || r.id === y.alliance.id);
    expect(alliances.map((r) => [r.name, r.total])).toEqual([['积分联合体甲', 120], ['积分联合体乙', 40]]);
    await problem(await call('GET', api('/points/leaderboard?year=2024&month=2&quarter=1'), { token: stranger.token }), 422, 'validation_failed', 'query.quarter');
    await problem(await call('GET', api('/points/leaderboard?year=abc'), { token: stranger.token }), 422, 'validation_failed', 'query.year');

    const me = await json<MyPointsView>(await call('GET', api('/my/points?year=2024'), { token: memberUser.token }), 200);
    expect([me.total, me.rankInCounty, me.countyPeople, me.rankInBranch, me.branchPeople, me.branchName]).toEqual([30, 2, 4, 2, 2, '积分甲支部']);
    expect(me.entries.map((e) => [e.points, e.ruleName])).toEqual([[30, '其他作用发挥']]);
    await problem(await call('GET', api('/my/points'), { token: stranger.token }), 404, 'not_found');
    const ctx = { db: openDb(d1()), clock: systemClock } as unknown as Ctx;
    expect([...(await branchPoints(ctx, 2024, [c.id, dd.id, 'org_none'])).values()]).toEqual([80, 40, 0]);
  });
});

// The totals are derived state kept beside the ledger (each written in the
// entry's batch). After every award, correction, cap and race above, they
// must still be exactly the ledger's sums: a write path that forgot them, or
// counted an entry that was not written, shows here.
describe('the totals are the ledger', () => {
  it('every person-year and branch-year total equals the sum of its entries, and none is missing', async () => {
    const drift = async (totals: string, key: string, entryKey: string) =>
      (
        await d1()
          .prepare(
            `SELECT k, year, sum(kept) AS kept, sum(summed) AS summed FROM (
               SELECT ${key} AS k, year, total AS kept, 0 AS summed FROM ${totals}
               UNION ALL SELECT ${entryKey} AS k, year, 0, sum(points) FROM point_entries WHERE ${entryKey} IS NOT NULL GROUP BY ${entryKey}, year
             ) GROUP BY k, year HAVING sum(kept) <> sum(summed)`,
          )
          .all()
      ).results;
    expect((await d1().prepare('SELECT count(*) AS n FROM point_entries').first<{ n: number }>())!.n).toBeGreaterThan(150);
    expect(await drift('point_totals', 'person_id', 'person_id')).toEqual([]);
    expect(await drift('point_org_totals', 'org_id', 'home_org_id')).toEqual([]);
  });
});
