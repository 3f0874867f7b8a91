import { describe, expect, it } from 'vitest';
import { findTenant } from '@ronghe/tenancy';
import type { ActivityCreate } from '@ronghe/schema';
import { adminCtx, ctxRacing, ctxRacingDissolution, makeActivity, makePerson } from '../../../../test/support/activity-factories.ts';
import { makeAlliance } from '../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { bindings } from '../../../../test/support/worker.ts';
import { allianceQuotaTodos } from '../quotas/todos.ts';
import { recordAttendance } from './attendance-record.ts';
import { checkIn } from './checkin.ts';
import { createActivity } from './create.ts';

// Phone check-in (issue 11 § Activities) and the quota moving from behind to met,
// through the API as members and alliance admins use it.

const T = 'keshiketeng';
const HOUR = 3_600_000;
const db = () => bindings[findTenant(T)!.binding]!;

interface World {
  allianceId: string;
  lead: { id: string };
  members: string[];
  admin: TestUser;
  member: TestUser;
  personId: string;
}

async function world(): Promise<World> {
  const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(T, { parent: committee });
  const a = await makeAlliance(T, { lead, committee, status: 'active' });
  const admin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
  const member = await makeUser([{ tenant: T, role: 'member' }]);
  const members = a.members.map((m) => m.orgId);
  // The member's home branch is the second member organization (a participant of every activity of the alliance by default).
  const person = await makePerson(T, { homeOrgId: members[1]!, userId: member.id });
  return { allianceId: a.alliance.id, lead, members, admin, member, personId: person.id };
}

const checkin = (w: World, body: Record<string, unknown>, who = w.member) => call('POST', `/api/t/${T}/my/checkins`, { token: who.token, body });
const problem = async (res: Response) => (await res.json()) as { code: string; reason?: string; errors?: Array<{ path: string }> };
const rows = async (sql: string, ...args: unknown[]) => (await db().prepare(sql).bind(...args).all()).results;

describe('check-in from a phone', () => {
  it('checks in inside the window; the activity becomes held and counts one; one audit row, one event with ids only', async () => {
    const w = await world();
    const act = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members });
    const res = await checkin(w, { code: act.code.toLowerCase() });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { checkinId: string; duplicate: boolean; activity: { title: string } };
    expect(body.duplicate).toBe(false);
    expect(body.activity.title).toBe(act.title);
    const detail = (await (await call('GET', `/api/t/${T}/activities/${act.id}`, { token: w.admin.token })).json()) as { status: string; attendance: number; checkins: Array<{ personId: string; method: string }> };
    expect(detail.status).toBe('held');
    expect(detail.attendance).toBe(1);
    expect(detail.checkins.map((c) => [c.personId, c.method])).toEqual([[w.personId, 'self']]);
    const events = await rows(`SELECT type, aggregate_type, aggregate_id, data FROM outbox WHERE aggregate_id = ?`, body.checkinId);
    expect(events.map((e) => [e.type, e.aggregate_type])).toEqual([['activity.attendance_recorded', 'activity_checkin']]);
    expect(JSON.parse(events[0]!.data as string)).toEqual({ checkinId: body.checkinId, activityId: act.id, personId: w.personId, allianceId: w.allianceId });
  });

  it('a second check-in (and two at once) is harmless: one row, one event, the first check-in answered', async () => {
    const w = await world();
    const act = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members });
    const [r1, r2] = await Promise.all([checkin(w, { code: act.code }), checkin(w, { code: act.code })]);
    const r3 = await checkin(w, { code: act.code });
    expect([r1.status, r2.status].sort()).toEqual([200, 201]);
    expect(r3.status).toBe(200);
    const ids = await Promise.all([r1, r2, r3].map(async (r) => ((await r.json()) as { checkinId: string }).checkinId));
    expect(new Set(ids).size).toBe(1);
    expect(await rows('SELECT id FROM activity_checkins WHERE activity_id = ?', act.id)).toHaveLength(1);
    expect(await rows(`SELECT id FROM outbox WHERE type = 'activity.attendance_recorded' AND aggregate_id = ?`, ids[0])).toHaveLength(1);
    expect(await rows(`SELECT id FROM audit_log WHERE entity_type = 'activity_checkin' AND entity_id = ?`, ids[0])).toHaveLength(1);
    expect((await rows('SELECT attendance FROM activities WHERE id = ?', act.id))[0]).toEqual({ attendance: 1 });
  });

  it('an activity cancelled between the check-in\'s read and its write: refused, no row, no event', async () => {
    const w = await world();
    const act = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members });
    const cancel = { sql: `UPDATE activities SET status = 'cancelled', version = version + 1 WHERE id = ?`, args: [act.id] };
    const member = { userId: w.member.id, displayName: '测试党员', grants: [{ role: 'member', scopeOrgId: null, scopeAllianceId: null }] } as const;
    await expect(checkIn({ ctx: ctxRacing(T, cancel, 'req_race_cancel', member), input: { code: act.code } })).rejects.toMatchObject({ code: 'conflict', extra: { reason: 'activity_changed' } });
    expect(await rows('SELECT id FROM activity_checkins WHERE activity_id = ?', act.id)).toEqual([]);
    expect(await rows(`SELECT id FROM audit_log WHERE request_id = 'req_race_cancel'`)).toEqual([]);
    // The administrator's 补录 is refused the same way (412: refresh and retry).
    const again = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members });
    const cancelAgain = { sql: cancel.sql, args: [again.id] };
    await expect(recordAttendance({ ctx: ctxRacing(T, cancelAgain, 'req_race_cancel'), input: { id: again.id, personIds: [w.personId] } })).rejects.toMatchObject({ code: 'precondition_failed' });
    expect(await rows('SELECT id FROM activity_checkins WHERE activity_id = ?', again.id)).toEqual([]);
  });

  it('refuses before the window opens and after it closes, naming why, and writes nothing', async () => {
    const w = await world();
    const now = Date.now();
    const later = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members, startsAt: now + 2 * HOUR, endsAt: now + 3 * HOUR });
    const past = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members, startsAt: now - 3 * HOUR, endsAt: now - 2 * HOUR });
    const early = await checkin(w, { code: later.code });
    expect(early.status).toBe(409);
    expect(await problem(early)).toMatchObject({ code: 'conflict', reason: 'checkin_not_open', errors: [{ path: 'body.code' }] });
    const late = await checkin(w, { code: past.code });
    expect(late.status).toBe(409);
    expect(await problem(late)).toMatchObject({ code: 'conflict', reason: 'checkin_closed', errors: [{ path: 'body.code' }] });
    expect(await rows('SELECT id FROM activity_checkins WHERE activity_id IN (?, ?)', later.id, past.id)).toHaveLength(0);
  });

  it('an activity that asks for it takes check-ins only near its place (haversine)', async () => {
    const w = await world();
    // 经棚镇 (克什克腾旗): the place, and a point 0.01° of latitude north (≈ 1,112 m).
    const act = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members, lat: 43.2647, lng: 117.5454, checkinRadiusM: 500 });
    const far = await checkin(w, { code: act.code, lat: 43.2747, lng: 117.5454 });
    expect(far.status).toBe(409);
    expect(await problem(far)).toMatchObject({ code: 'conflict', reason: 'too_far', errors: [{ path: 'body.lat' }] });
    const noFix = await checkin(w, { code: act.code });
    expect(await problem(noFix)).toMatchObject({ code: 'conflict', reason: 'location_required' });
    // 0.002° north ≈ 222 m: inside 500 m.
    const near = await checkin(w, { code: act.code, lat: 43.2667, lng: 117.5454 });
    expect(near.status, await near.clone().text()).toBe(201);
    const [row] = await rows('SELECT distance_m FROM activity_checkins WHERE activity_id = ?', act.id);
    expect(row!.distance_m).toBeGreaterThanOrEqual(220);
    expect(row!.distance_m).toBeLessThanOrEqual(224);
  });

  it('only members of participating organizations check in; an account that is nobody in the registry gets 404', async () => {
    const w = await world();
    const act = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: [w.lead.id] });
    const notOurs = await checkin(w, { code: act.code });
    expect(notOurs.status).toBe(409);
    expect(await problem(notOurs)).toMatchObject({ code: 'conflict', reason: 'not_participant' });
    const stranger = await makeUser([{ tenant: T, role: 'member' }]);
    const res = await checkin(w, { code: act.code }, stranger);
    expect(res.status).toBe(404);
    expect((await problem(res)).code).toBe('not_found');
    const unknown = await checkin(w, { code: 'XXXXXXX' });
    expect(unknown.status).toBe(404);
  });

  it('the alliance records attendance for people without a phone; a recorded person is not recorded twice', async () => {
    const w = await world();
    const act = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members });
    const elder = await makePerson(T, { homeOrgId: w.members[2]! });
    expect((await checkin(w, { code: act.code })).status).toBe(201);
    const res = await call('POST', `/api/t/${T}/activities/${act.id}/attendance`, { token: w.admin.token, body: { personIds: [elder.id, w.personId] } });
    expect(res.status, await res.clone().text()).toBe(200);
    const detail = (await res.json()) as { attendance: number; checkins: Array<{ personId: string; method: string }> };
    expect(detail.attendance).toBe(2);
    expect(detail.checkins.map((c) => c.method).sort()).toEqual(['recorded', 'self']);
    expect(await rows(`SELECT id FROM outbox WHERE type = 'activity.attendance_recorded' AND json_extract(data, '$.activityId') = ?`, act.id)).toHaveLength(2);
  });

  it('my activities: upcoming for my branch, and the ones I attended', async () => {
    const w = await world();
    const now = Date.now();
    const soon = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members, startsAt: now + 24 * HOUR, endsAt: now + 26 * HOUR });
    const open = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members });
    await checkin(w, { code: open.code });
    const mine = (await (await call('GET', `/api/t/${T}/my/activities`, { token: w.member.token })).json()) as { upcoming: Array<{ id: string }>; attended: Array<{ id: string }> };
    expect(mine.upcoming.map((a) => a.id)).toEqual([open.id, soon.id]);
    expect(mine.attended.map((a) => a.id)).toEqual([open.id]);
  });
});

describe('the yearly quota moves from behind to met', () => {
  it('a past year: the held visit meets its row, the missing theme day is behind, and the county table lists the alliance as behind', async () => {
    const w = await world();
    await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members, kind: 'joint_visit', status: 'held', startsAt: Date.parse('2025-06-01T09:00:00+08:00'), endsAt: Date.parse('2025-06-01T11:00:00+08:00') });
    const put = await call('PUT', `/api/t/${T}/activities/quota-plans/${w.allianceId}`, {
      token: w.admin.token,
      body: { year: 2025, rows: [{ kind: 'joint_visit', period: 'year', required: 1 }, { kind: 'joint_theme_day', period: 'year', required: 1 }] },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const plan = (await put.json()) as { isDefault: boolean; standing: string; rows: Array<{ kind: string; standing: string; heldInYear: number }> };
    expect(plan.isDefault).toBe(false);
    expect(plan.rows.map((r) => [r.kind, r.standing, r.heldInYear])).toEqual([['joint_visit', 'met', 1], ['joint_theme_day', 'behind', 0]]);
    expect(plan.standing).toBe('behind');
    const table = (await (await call('GET', `/api/t/${T}/activities/compliance?year=2025&standing=behind&limit=100`, { token: w.admin.token })).json()) as { items: Array<{ allianceId: string }>; total: number };
    expect(table.items.map((i) => i.allianceId)).toContain(w.allianceId);
  });

  it('this year: a member checks in to a visit and the visit row turns met', async () => {
    const w = await world();
    const year = new Date(Date.now() + 8 * HOUR).getUTCFullYear();
    await call('PUT', `/api/t/${T}/activities/quota-plans/${w.allianceId}`, { token: w.admin.token, body: { year, rows: [{ kind: 'joint_visit', period: 'year', required: 1 }] } });
    const before = (await (await call('GET', `/api/t/${T}/activities/quota-plans/${w.allianceId}?year=${year}`, { token: w.admin.token })).json()) as { rows: Array<{ standing: string }> };
    expect(before.rows[0]!.standing).not.toBe('met');
    const act = await makeActivity(T, { allianceId: w.allianceId, organizerOrgId: w.lead.id, participantOrgIds: w.members, kind: 'joint_visit' });
    expect((await checkin(w, { code: act.code })).status).toBe(201);
    const after = (await (await call('GET', `/api/t/${T}/activities/quota-plans/${w.allianceId}?year=${year}`, { token: w.member.token })).json()) as { standing: string; rows: Array<{ standing: string; heldInYear: number }> };
    expect(after.rows[0]).toMatchObject({ standing: 'met', heldInYear: 1 });
    expect(after.standing).toBe('met');
  });

  it("the lead's 工作台 reminds of a plan fallen behind: a monthly visit with an ended month short", async () => {
    const w = await world();
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    await call('PUT', `/api/t/${T}/activities/quota-plans/${w.allianceId}`, { token: w.admin.token, body: { year, rows: [{ kind: 'joint_visit', period: 'month', required: 1 }] } });
    const wb = (await (await call('GET', `/api/t/${T}/workbench`, { token: w.admin.token })).json()) as { todos: Array<{ kind: string; count: number; items: Array<{ id: string; note: string }> }> };
    const todo = wb.todos.find((t) => t.kind === 'activity.quota_behind');
    // January has no ended month of the year yet: nothing is owed; any later month, January went by with no visit.
    if (today.slice(5, 7) === '01') expect(todo).toBeUndefined();
    else expect(todo!.items).toEqual([expect.objectContaining({ id: w.allianceId, note: '未完成：联合走访慰问' })]);
  });

  it('an activity of an alliance dissolved between the read and the write: 409, and neither activity nor audit row is written', async () => {
    const w = await world();
    const ctx = ctxRacingDissolution(T, w.allianceId);
    const input = { allianceId: w.allianceId, kind: 'joint_visit', title: '并发撤销时登记的活动', activityDate: '2026-06-01', startTime: '09:00', endTime: '11:00', place: '社区活动室', organizerOrgId: w.lead.id } as ActivityCreate;
    await expect(createActivity({ ctx, input })).rejects.toMatchObject({ code: 'conflict', errors: [{ path: 'body.allianceId' }] });
    expect(await rows('SELECT id FROM activities WHERE alliance_id = ?', w.allianceId)).toEqual([]);
    expect(await rows(`SELECT id FROM audit_log WHERE request_id = 'req_race_dissolution' AND action = 'activity.create'`)).toEqual([]);
  });

  it("the 工作台 reminder reads every alliance a lead names, however many (no silent cut at 90)", async () => {
    const w = await world();
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    // A plan behind once a month has gone by with no visit (from February on).
    await call('PUT', `/api/t/${T}/activities/quota-plans/${w.allianceId}`, { token: w.admin.token, body: { year, rows: [{ kind: 'joint_visit', period: 'month', required: 1 }] } });
    if (today.slice(5, 7) === '01') return;
    const many = [...Array.from({ length: 120 }, (_, i) => `all_none_${i}`), w.allianceId];
    const todos = await allianceQuotaTodos(adminCtx(T), many);
    expect(todos.find((t) => t.kind === 'activity.quota_behind')!.items.map((i) => i.id)).toContain(w.allianceId);
  });

  it("another alliance's admin may not change the plan", async () => {
    const w = await world();
    const other = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: w.members[1]! }]);
    const res = await call('PUT', `/api/t/${T}/activities/quota-plans/${w.allianceId}`, { token: other.token, body: { year: 2026, rows: [{ kind: 'joint_visit', period: 'year', required: 2 }] } });
    expect(res.status).toBe(403);
    expect((await problem(res)).code).toBe('forbidden');
  });
});
