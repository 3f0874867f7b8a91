import { shanghaiDate } from '@ronghe/core';
import type { MeetingComplianceView, MeetingCreate, MeetingDecisionView, MeetingView, Organization } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { ctxRacingDissolution } from '../../../../test/support/activity-factories.ts';
import { makeAlliance, type MadeAlliance } from '../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { bindings } from '../../../../test/support/worker.ts';
import { createMeeting } from './create.ts';
import { quarterStates } from './quarters.ts';
import { decisionWarning } from './warning.ts';

// Joint meetings (seed 002 (七), seed 000 9.4): at least quarterly; decisions with
// an owner organization and a deadline, supervised as projects are (督办).

const day = (n: number) => shanghaiDate(Date.now() + n * 86_400_000);
const TODAY = day(0);

describe('decision warnings (pure, the projects’ levels)', () => {
  it('due tomorrow → yellow; past its deadline → red and escalated; done → none; far off → green', () => {
    expect(decisionWarning({ status: 'open', dueOn: '2026-06-16' }, '2026-06-15')).toMatchObject({ level: 'yellow', escalated: false });
    expect(decisionWarning({ status: 'open', dueOn: '2026-06-22' }, '2026-06-15').level).toBe('yellow'); // 7 days
    expect(decisionWarning({ status: 'open', dueOn: '2026-06-23' }, '2026-06-15').level).toBe('green'); // 8 days
    expect(decisionWarning({ status: 'open', dueOn: '2026-06-15' }, '2026-06-15').level).toBe('yellow'); // due today, not yet late
    const late = decisionWarning({ status: 'open', dueOn: '2026-06-12' }, '2026-06-15');
    expect(late).toMatchObject({ level: 'red', escalated: true });
    expect(late.reason).toContain('3 天');
    expect(decisionWarning({ status: 'done', dueOn: '2020-01-01' }, '2026-06-15')).toEqual({ level: 'none', reason: null, escalated: false });
  });

  it('quarters: on 15 August, Q1 and Q2 are due; a Q2 without a meeting is missed; Q3 is open', () => {
    expect(quarterStates(2026, '2026-08-15', new Map([[1, 2]])).map((q) => q.state)).toEqual(['held', 'missed', 'open', 'open']);
    expect(quarterStates(2025, '2026-08-15', new Map([[1, 1], [2, 1], [4, 1]])).map((q) => q.state)).toEqual(['held', 'held', 'missed', 'held']);
  });
});

const T = 'balinyou';
let street: Organization;
let lead: Organization;
let member: Organization;
let outsider: Organization;
let alliance: MadeAlliance;
let draft: MadeAlliance;
let admin: TestUser;
let allianceAdmin: TestUser;
let memberLiaison: TestUser;
let outsiderLiaison: TestUser;

const create = (u: TestUser, body: Record<string, unknown>) => call('POST', `/api/t/${T}/meetings`, { token: u.token, body });
const body = (over: Record<string, unknown> = {}) => ({
  allianceId: alliance.alliance.id,
  heldOn: day(-10),
  agenda: '研究共建事项',
  attendeeOrgIds: [lead.id, member.id],
  decisions: [{ content: '完成助老食堂选址', ownerOrgId: member.id, dueOn: day(1) }],
  ...over,
});
async function problem(res: Response) {
  return (await res.json()) as { code: string; errors?: Array<{ path: string }> };
}

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
  member = await makeOrg(T, { kind: '党支部', domain: '机关' });
  outsider = await makeOrg(T, { kind: '党支部', domain: '机关' });
  alliance = await makeAlliance(T, { lead, committee: street, status: 'active', members: [member] });
  draft = await makeAlliance(T, { lead, committee: street, status: 'draft', members: [member] });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  allianceAdmin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
  memberLiaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: member.id }]);
  outsiderLiaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: outsider.id }]);
});

describe('joint meetings and decisions', () => {
  it('the alliance records a meeting; a decision due tomorrow warns, one past its deadline is overdue and escalated', async () => {
    const res = await create(allianceAdmin, body({ decisions: [{ content: '完成助老食堂选址', ownerOrgId: member.id, dueOn: day(1) }, { content: '报送共建清单', ownerOrgId: lead.id, dueOn: day(-1) }] }));
    expect(res.status, await res.clone().text()).toBe(201);
    const m = (await res.json()) as MeetingView;
    expect(m.attendeeOrgs.map((o) => o.id)).toEqual([lead.id, member.id]);
    const [soon, late] = m.decisions.sort((a, b) => b.dueOn.localeCompare(a.dueOn));
    expect(soon).toMatchObject({ status: 'open', warning: 'yellow', escalated: false });
    expect(late).toMatchObject({ status: 'overdue', warning: 'red', escalated: true });
    // The overdue filter finds it.
    const list = (await (await call('GET', `/api/t/${T}/meeting-decisions?allianceId=${alliance.alliance.id}&status=overdue`, { token: admin.token })).json()) as { items: MeetingDecisionView[] };
    expect(list.items.map((d) => d.id)).toContain(late!.id);
    expect(list.items.map((d) => d.id)).not.toContain(soon!.id);
  });

  it('the owner organization completes its decision with a note and who did it; completing it again is 409', async () => {
    const m = (await (await create(allianceAdmin, body())).json()) as MeetingView;
    const d = m.decisions[0]!;
    // Another member's liaison may not.
    const refused = await call('POST', `/api/t/${T}/meeting-decisions/${d.id}/complete`, { token: outsiderLiaison.token, body: { note: '已完成选址' }, headers: { 'if-match': '"v1"' } });
    expect(refused.status).toBe(403);
    const res = await call('POST', `/api/t/${T}/meeting-decisions/${d.id}/complete`, { token: memberLiaison.token, body: { note: '已完成选址' }, headers: { 'if-match': '"v1"' } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'done', warning: 'none', doneOn: TODAY, doneNote: '已完成选址', version: 2 });
    const again = await call('POST', `/api/t/${T}/meeting-decisions/${d.id}/complete`, { token: memberLiaison.token, body: { note: '再次办结' }, headers: { 'if-match': '"v2"' } });
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe('conflict');
  });

  it('refuses an alliance that is not running (409 on allianceId)', async () => {
    const res = await create(admin, body({ allianceId: draft.alliance.id }));
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.code).toBe('conflict');
    expect(p.errors?.map((e) => e.path)).toEqual(['body.allianceId']);
  });

  it('an alliance dissolved between the read and the write: 409, and neither meeting, decision nor audit row is written', async () => {
    const racing = await makeAlliance(T, { lead, committee: street, status: 'active', members: [member] });
    const ctx = ctxRacingDissolution(T, racing.alliance.id);
    const input = { ...body({ allianceId: racing.alliance.id }), attendeePersonIds: [] } as unknown as MeetingCreate;
    await expect(createMeeting({ ctx, input })).rejects.toMatchObject({ code: 'conflict', errors: [{ path: 'body.allianceId' }] });
    const d1 = bindings[findTenant(T)!.binding]!;
    const left = await d1
      .prepare(`SELECT (SELECT count(*) FROM meetings WHERE alliance_id = ?1) + (SELECT count(*) FROM meeting_decisions WHERE alliance_id = ?1) + (SELECT count(*) FROM audit_log WHERE request_id = 'req_race_dissolution') AS n`)
      .bind(racing.alliance.id)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it('refuses a decision owner that is not a current member (422 on decisions.0.ownerOrgId)', async () => {
    const res = await create(allianceAdmin, body({ decisions: [{ content: '选址', ownerOrgId: outsider.id, dueOn: day(5) }] }));
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.map((e) => e.path)).toEqual(['body.decisions.0.ownerOrgId']);
  });

  it('refuses a deadline before the meeting (422 on decisions.0.dueOn)', async () => {
    const res = await create(allianceAdmin, body({ decisions: [{ content: '选址', ownerOrgId: member.id, dueOn: day(-11) }] }));
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.map((e) => e.path)).toEqual(['body.decisions.0.dueOn']);
  });

  it("compliance: last year's quarters without a meeting are missed", async () => {
    const a = await makeAlliance(T, { lead, committee: street, status: 'active', members: [member] });
    const year = Number(TODAY.slice(0, 4)) - 1;
    for (const heldOn of [`${year}-02-01`, `${year}-05-01`, `${year}-11-01`]) {
      expect((await create(admin, { allianceId: a.alliance.id, heldOn, agenda: '季度例会', attendeeOrgIds: [lead.id] })).status).toBe(201);
    }
    const page = (await (await call('GET', `/api/t/${T}/meetings/compliance?year=${year}&missedOnly=true&limit=100`, { token: admin.token })).json()) as { items: MeetingComplianceView[] };
    const row = page.items.find((r) => r.allianceId === a.alliance.id)!;
    expect(row.quarters.map((q) => q.state)).toEqual(['held', 'held', 'missed', 'held']);
    expect(row.missed).toBe(1);
  });
});
