import { fixedClock, openDb, newId } from '@ronghe/core';
import { activityQuotaPlans, type ActivityKind } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { adminCtx, makeActivity } from '../../../../test/support/activity-factories.ts';
import { makeAlliance } from '../../../../test/support/alliance-factories.ts';
import { makeOrg } from '../../../../test/support/factories.ts';
import { bindings } from '../../../../test/support/worker.ts';
import { remindQuotas } from './remind.ts';

// The daily job's quota reminders (issue 11 § Activities: "reminders to the
// alliance admin through the 工作台 and messages"). Standings by hand from the
// rule in compliance-rules.ts: a period that ended short is behind; the current
// period is at risk in its last quarter with fewer held than asked.
const T = 'linxi';
const d1 = () => bindings[findTenant(T)!.binding]!;
// Noon in Beijing on the given date.
const at = (date: string) => Date.parse(`${date}T12:00:00+08:00`);

interface Reminder {
  alliance_id: string;
  month: string;
  standing: string;
  kinds: string;
}

async function world() {
  const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(T, { parent: committee });
  const member = await makeOrg(T, { domain: '机关', kind: '党支部' });
  const mk = (status: 'active' | 'dissolved') => makeAlliance(T, { lead, committee, status, members: [member] });
  const [owing, fine, gone] = [await mk('active'), await mk('active'), await mk('dissolved')];
  const plan = (allianceId: string, kind: ActivityKind, period: 'month' | 'quarter' | 'year') => ({ id: newId('qpl'), allianceId, year: 2026, kind, period, required: 1, createdAt: 0, updatedAt: 0 });
  await openDb(d1())
    .insert(activityQuotaPlans)
    .values([
      // One visit a month, none held: January to May ended short (behind).
      plan(owing.alliance.id, 'joint_visit', 'month'),
      // A party lesson a quarter: Q1's held on 10 February; on 25 June, 6 of Q2's 91 days are left and none held (at risk: 6 × 4 ≤ 91).
      plan(owing.alliance.id, 'party_lesson', 'quarter'),
      // One other activity a year, held on 1 March: met.
      plan(fine.alliance.id, 'other', 'year'),
      // A dissolved alliance owes nothing any more.
      plan(gone.alliance.id, 'joint_visit', 'month'),
    ]);
  const held = (allianceId: string, kind: ActivityKind, activityDate: string) => makeActivity(T, { allianceId, organizerOrgId: lead.id, participantOrgIds: [member.id], kind, status: 'held', activityDate });
  await held(owing.alliance.id, 'party_lesson', '2026-02-10');
  await held(fine.alliance.id, 'other', '2026-03-01');
  return { ids: [owing.alliance.id, fine.alliance.id, gone.alliance.id], owing: owing.alliance.id };
}

async function remindersOf(ids: string[]): Promise<Reminder[]> {
  const q = `SELECT alliance_id, month, standing, kinds FROM activity_quota_reminders WHERE alliance_id IN (${ids.map(() => '?').join(',')}) ORDER BY month, standing`;
  return (await d1().prepare(q).bind(...ids).all<Reminder>()).results;
}

describe('daily quota reminders', () => {
  it('tells the alliance behind and at risk once a month, each standing with its kinds; an alliance on track or dissolved is not told', async () => {
    const w = await world();
    const clock = fixedClock(at('2026-06-25'));
    await remindQuotas({ ...adminCtx(T), clock, requestId: 'req_quota_remind_june' });
    expect(await remindersOf(w.ids)).toEqual([
      { alliance_id: w.owing, month: '2026-06', standing: 'at_risk', kinds: '["party_lesson"]' },
      { alliance_id: w.owing, month: '2026-06', standing: 'behind', kinds: '["joint_visit"]' },
    ]);
    // Each reminder is audited, and its event is what the 工作台's message consumer reads.
    const events = await d1()
      .prepare(`SELECT data FROM outbox WHERE request_id = 'req_quota_remind_june' AND type = 'activity_quota.reminded'`)
      .all<{ data: string }>();
    const mine = events.results.map((e) => JSON.parse(e.data) as Record<string, unknown>).filter((d) => d.allianceId === w.owing);
    expect(mine.map((d) => [d.standing, d.kinds, d.month, d.year]).sort()).toEqual([
      ['at_risk', ['party_lesson'], '2026-06', 2026],
      ['behind', ['joint_visit'], '2026-06', 2026],
    ]);
    const audit = await d1().prepare(`SELECT count(*) AS n FROM audit_log WHERE request_id = 'req_quota_remind_june' AND action = 'activity_quota.remind' AND after LIKE ?`).bind(`%${w.owing}%`).first<{ n: number }>();
    expect(audit!.n).toBe(2);

    // The next day's run tells nobody again.
    clock.advance(24 * 3_600_000);
    await remindQuotas({ ...adminCtx(T), clock, requestId: 'req_quota_remind_june_again' });
    expect(await remindersOf(w.ids)).toHaveLength(2);

    // 1 July: June ended without a visit and Q2 without a lesson — both behind now, told in one July reminder.
    await remindQuotas({ ...adminCtx(T), clock: fixedClock(at('2026-07-01')), requestId: 'req_quota_remind_july' });
    expect((await remindersOf(w.ids)).filter((r) => r.month === '2026-07')).toEqual([{ alliance_id: w.owing, month: '2026-07', standing: 'behind', kinds: '["joint_visit","party_lesson"]' }]);
  });

  it('two runs at once write each reminder once', async () => {
    const w = await world();
    const ctx = (r: string) => ({ ...adminCtx(T), clock: fixedClock(at('2026-06-25')), requestId: r });
    await Promise.all([remindQuotas(ctx('req_quota_race_1')), remindQuotas(ctx('req_quota_race_2'))]);
    expect((await remindersOf(w.ids)).map((r) => r.standing)).toEqual(['at_risk', 'behind']);
    const audit = await d1()
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE request_id IN ('req_quota_race_1', 'req_quota_race_2') AND action = 'activity_quota.remind' AND after LIKE ?`)
      .bind(`%${w.owing}%`)
      .first<{ n: number }>();
    expect(audit!.n).toBe(2);
  });
});
