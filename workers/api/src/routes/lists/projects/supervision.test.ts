import { openDb, shanghaiDate } from '@ronghe/core';
import { projectMilestones, type Organization, type ProjectDetailView, type WarningsView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import edge from '../../../../../edge/src/index.ts';
import { superviseCounties } from '../../../../../edge/src/scheduled.ts';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../../test/support/factories.ts';
import { makeNeed, makeProject, type MadeProject } from '../../../../../../test/support/list-factories.ts';
import { bindings } from '../../../../../../test/support/worker.ts';

// 督办: the job recomputes warnings and escalates newly red projects once, to
// the alliance's lead and the approving committee; the dashboard counts them
// and narrows to "mine". Dates are relative to today (Asia/Shanghai).
const T = 'alukeerqin';
const TODAY = shanghaiDate(Date.now());
const day = (n: number) => shanghaiDate(Date.now() + n * 86_400_000);
const db = () => openDb(bindings[findTenant(T)!.binding]!);

let s1: Organization;
let s2: Organization;
let l1: Organization;
let l2: Organization;
let a1: MadeAlliance;
let a2: MadeAlliance;
let county: TestUser;
let reviewer1: TestUser;
let p: Record<'overdue' | 'lateMilestone' | 'dueSoon' | 'green' | 'finished' | 'other', MadeProject>;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
const detail = (id: string) => call('GET', `/api/t/${T}/projects/${id}`, { token: county.token }).then((r) => json<ProjectDetailView>(r, 200));

beforeAll(async () => {
  s1 = await makeOrg(T, { kind: '党工委', domain: '街道' });
  s2 = await makeOrg(T, { kind: '党工委', domain: '街道' });
  l1 = await makeOrg(T, { parent: s1, domain: '社区' });
  l2 = await makeOrg(T, { parent: s2, domain: '社区' });
  a1 = await makeAlliance(T, { lead: l1, committee: s1 });
  a2 = await makeAlliance(T, { lead: l2, committee: s2 });
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
  reviewer1 = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: s1.id }]);
  p = {
    overdue: await makeProject(T, a1, 'in_progress', { dueOn: day(-10), startOn: day(-60) }, { milestonePct: [100, 50] }),
    lateMilestone: await makeProject(T, a1, 'claimed', { dueOn: day(60), startOn: day(-5) }),
    dueSoon: await makeProject(T, a1, 'in_progress', { dueOn: day(3), startOn: day(-200) }, { milestonePct: [100, 80] }),
    green: await makeProject(T, a1, 'proposed', { dueOn: '2099-12-31', startOn: TODAY }),
    finished: await makeProject(T, a1, 'completed', { dueOn: day(-30) }),
    other: await makeProject(T, a2, 'in_progress', { dueOn: day(-2) }, { milestonePct: [0, 0] }),
  };
  // A milestone of the claimed project was due 9 days ago and is not done.
  await db().update(projectMilestones).set({ dueOn: day(-9) }).where(eq(projectMilestones.id, p.lateMilestone.milestoneIds[0]!));
});

describe('supervision', () => {
  it('only the county administrator runs the job by hand', async () => {
    const leadAdmin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: l1.id }]);
    expect((await call('POST', `/api/t/${T}/supervision/run`, { token: leadAdmin.token })).status).toBe(403);
  });

  it('computes warnings and escalates a newly red project once, to the lead and the approving committee', async () => {
    const run = await json<{ checked: number; red: number; yellow: number; escalated: number; onDate: string }>(await call('POST', `/api/t/${T}/supervision/run`, { token: county.token }), 200);
    expect(run.onDate).toBe(TODAY);
    expect(run.checked).toBeGreaterThanOrEqual(5);
    expect(run.red).toBeGreaterThanOrEqual(3);
    expect(run.escalated).toBeGreaterThanOrEqual(3);

    const overdue = await detail(p.overdue.project.id);
    expect([overdue.warning, overdue.overdue, overdue.escalatedOn]).toEqual(['red', true, TODAY]);
    const esc = overdue.notes.filter((n) => n.kind === 'escalation');
    expect(esc).toHaveLength(1);
    expect(esc[0]!.notified).toEqual([l1.id, s1.id]);
    expect(esc[0]!.body).toContain(`已超过完成期限（${day(-10)}）10 天`);

    const late = await detail(p.lateMilestone.project.id);
    expect([late.warning, late.overdue]).toEqual(['red', false]);
    expect(late.warningReason).toContain('节点“摸排服务对象”');
    expect(late.notes.find((n) => n.kind === 'escalation')!.body).toContain(`（${day(-9)}）9 天`);
    expect(late.milestones[0]!.overdue).toBe(true);

    const soon = await detail(p.dueSoon.project.id);
    expect([soon.warning, soon.escalatedOn]).toEqual(['yellow', null]);
    expect(soon.notes.filter((n) => n.kind === 'warning')).toHaveLength(1);
    expect((await detail(p.green.project.id)).warning).toBe('green');
    expect((await detail(p.finished.project.id)).warning).toBe('none');

    // Idempotent for the day: nothing escalated twice, nothing rewritten.
    const again = await json<{ escalated: number; red: number }>(await call('POST', `/api/t/${T}/supervision/run`, { token: county.token }), 200);
    expect(again.escalated).toBe(0);
    expect(again.red).toBe(run.red);
    const after = await detail(p.overdue.project.id);
    expect(after.notes.filter((n) => n.kind === 'escalation')).toHaveLength(1);
    expect(after.version).toBe(overdue.version);
  });

  it('the dashboard counts and lists warnings, overdue needs, and narrows to mine', async () => {
    const need = await makeNeed(T, a1, { deadline: day(-3), title: '逾期未对接的需求' });
    const w = await json<WarningsView>(await call('GET', `/api/t/${T}/supervision/warnings?allianceId=${a1.alliance.id}`, { token: county.token }), 200);
    expect(w.counts).toEqual({ red: 2, yellow: 1, green: 1, overdueNeeds: 1 });
    expect(w.projects.map((x) => x.id)).toEqual([p.overdue.project.id, p.lateMilestone.project.id, p.dueSoon.project.id]);
    expect(w.overdueNeeds.map((n) => n.id)).toEqual([need.id]);
    expect(w.lastRunOn).toBe(TODAY);
    const red = await json<WarningsView>(await call('GET', `/api/t/${T}/supervision/warnings?allianceId=${a1.alliance.id}&level=red`, { token: county.token }), 200);
    expect(red.projects.every((x) => x.warning === 'red')).toBe(true);
    // The board lists the most urgent few of each kind; the counts stay whole.
    const top = await json<WarningsView>(await call('GET', `/api/t/${T}/supervision/warnings?allianceId=${a1.alliance.id}&limit=1`, { token: county.token }), 200);
    expect(top.projects.map((x) => x.id)).toEqual([p.overdue.project.id, p.dueSoon.project.id]);
    expect(top.counts).toEqual({ red: 2, yellow: 1, green: 1, overdueNeeds: 1 });
    expect(top.overdueNeeds.map((n) => n.id)).toEqual([need.id]);
    const refused = await call('GET', `/api/t/${T}/supervision/warnings?limit=0`, { token: county.token });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { path: string; message: string }[] }).errors).toEqual([{ path: 'query.limit', message: '每页至少 1 条' }]);

    // The first street's reviewer supervises only its own alliance.
    const mine = await json<WarningsView>(await call('GET', `/api/t/${T}/supervision/warnings?mine=true`, { token: reviewer1.token }), 200);
    const ids = mine.projects.map((x) => x.id);
    expect(ids).toContain(p.overdue.project.id);
    expect(ids).not.toContain(p.other.project.id);
    expect(mine.counts.red).toBe(2);
    // A member's liaison sees the alliances it claims in: the second alliance's second member holds a pending claim there.
    const claimant = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: a2.members[1]!.orgId }]);
    const theirs = await json<WarningsView>(await call('GET', `/api/t/${T}/supervision/warnings?mine=true`, { token: claimant.token }), 200);
    expect(theirs.projects.map((x) => x.id)).toEqual([p.other.project.id]);
    // Without mine, everyone reads the whole county's board.
    const all = await json<WarningsView>(await call('GET', `/api/t/${T}/supervision/warnings`, { token: claimant.token }), 200);
    expect(all.projects.map((x) => x.id)).toEqual(expect.arrayContaining([p.overdue.project.id, p.other.project.id]));

    // The project list filters by warning and overdue the same way.
    const list = await json<{ items: Array<{ id: string }>; total: number }>(
      await call('GET', `/api/t/${T}/projects?allianceId=${a1.alliance.id}&overdue=true`, { token: claimant.token }),
      200,
    );
    expect(list.items.map((x) => x.id)).toEqual([p.overdue.project.id]);
    expect(list.total).toBe(1);
  });

  it('each request binds its own values to the board\'s statements, built once per shape (ADR 0032)', async () => {
    const board = (query: string, user = county) => call('GET', `/api/t/${T}/supervision/warnings?${query}`, { token: user.token }).then((r) => json<WarningsView>(r, 200));
    // The same shape (one alliance) twice in a row: the second alliance's board holds only its own overdue project.
    const first = await board(`allianceId=${a1.alliance.id}`);
    const second = await board(`allianceId=${a2.alliance.id}`);
    expect(first.projects.map((x) => x.id)).toEqual([p.overdue.project.id, p.lateMilestone.project.id, p.dueSoon.project.id]);
    expect(second.projects.map((x) => x.id)).toEqual([p.other.project.id]);
    expect(second.counts).toEqual({ red: 1, yellow: 0, green: 0, overdueNeeds: 0 });
    expect(second.overdueNeeds).toEqual([]);
    // A level filter reads only that light; the counts stay whole.
    const yellow = await board(`allianceId=${a1.alliance.id}&level=yellow`);
    expect(yellow.projects.map((x) => x.id)).toEqual([p.dueSoon.project.id]);
    expect(yellow.counts).toEqual(first.counts);
    const red = await board(`allianceId=${a1.alliance.id}&level=red&limit=1`);
    expect(red.projects.map((x) => x.id)).toEqual([p.overdue.project.id]);
    // "Mine" for two people in a row: each gets the alliances that are theirs.
    const reviewer2 = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: s2.id }]);
    expect((await board('mine=true', reviewer1)).projects.map((x) => x.id)).toEqual([p.overdue.project.id, p.lateMilestone.project.id, p.dueSoon.project.id]);
    expect((await board('mine=true', reviewer2)).projects.map((x) => x.id)).toEqual([p.other.project.id]);
  });

  it('a write recomputes the warning at once: extending the deadline takes a project out of red', async () => {
    const before = await detail(p.other.project.id);
    expect(before.warning).toBe('red');
    const res = await call('PATCH', `/api/t/${T}/projects/${p.other.project.id}`, { token: county.token, body: { dueOn: '2099-06-30' }, headers: { 'if-match': `"v${before.version}"` } });
    const after = await json<ProjectDetailView>(res, 200);
    expect([after.warning, after.overdue, after.escalatedOn]).toEqual(['green', false, null]);
  });

  it('the Cron Trigger runs the same job for every county', async () => {
    expect(typeof edge.scheduled).toBe('function');
    const out = await superviseCounties(bindings as unknown as Record<string, unknown>, { counties: [findTenant(T)!] });
    expect(out).toEqual([{ tenant: T, result: expect.objectContaining({ onDate: TODAY, escalated: 0 }) }]);
    const audit = await bindings[findTenant(T)!.binding]!.prepare("SELECT actor_id, actor_role FROM audit_log WHERE action = 'supervision.run' ORDER BY at DESC LIMIT 1").first<{ actor_id: string; actor_role: string }>();
    expect(audit).toEqual({ actor_id: 'system', actor_role: 'system' });
  });
});
