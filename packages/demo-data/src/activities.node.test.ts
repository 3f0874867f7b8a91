import { describe, expect, it } from 'vitest';
import { buildActivities } from './activities.ts';
import { rngFrom } from './prng.ts';
import type { PeopleDemoInput } from './types.ts';

// A small county by hand: 12 running alliances of 3 member organizations, one
// dissolved, 8 party members per organization and a volunteer each.
const TODAY = '2026-11-20';
function input(): PeopleDemoInput {
  const alliances: Array<Record<string, unknown>> = [];
  const members: Array<Record<string, unknown>> = [];
  const people: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 13; i++) {
    const orgs = [`org_l${i}`, `org_a${i}`, `org_b${i}`];
    alliances.push({ id: `aln_${i}`, leadOrgId: orgs[0], status: i === 12 ? 'dissolved' : i === 11 ? 'rectifying' : 'active' });
    orgs.forEach((o, j) => members.push({ id: `alm_${i}_${j}`, allianceId: `aln_${i}`, orgId: o, leftOn: j === 2 && i === 0 ? '2026-05-01' : null }));
    for (const o of orgs) {
      for (let k = 0; k < 8; k++) people.push({ id: `psn_${o}_${k}`, kind: 'party_member', status: 'active', homeOrgId: o });
      people.push({ id: `psn_${o}_v`, kind: 'volunteer', status: 'active', homeOrgId: o });
    }
  }
  return { tenant: { slug: 'keshiketeng' }, orgs: [], alliances: { alliances, members }, lists: {}, people, rng: rngFrom('activities-demo'), today: TODAY } as unknown as PeopleDemoInput;
}

describe('demo activities', () => {
  const inp = input();
  const d = buildActivities(inp);
  const byId = new Map(d.activities.map((a) => [a.id, a]));
  const current = new Set((inp.alliances.members as unknown as Array<{ allianceId: string; orgId: string; leftOn: string | null }>).filter((m) => m.leftOn === null).map((m) => `${m.allianceId}|${m.orgId}`));
  const homeOf = new Map((inp.people as unknown as Array<{ id: string; homeOrgId: string; kind: string }>).map((p) => [p.id, p]));

  it('running alliances only; participants are current members; held ones dated before today, planned ones not', () => {
    expect(new Set(d.activities.map((a) => a.allianceId)).has('aln_12')).toBe(false);
    for (const a of d.activities) {
      for (const o of a.participantOrgIds) expect(current.has(`${a.allianceId}|${o}`), `${a.id} ${o}`).toBe(true);
      expect(a.activityDate.startsWith('2026-')).toBe(true);
      expect(a.activityDate <= TODAY).toBe(true);
      expect(a.status).toBe(a.activityDate < TODAY ? 'held' : 'planned');
      expect(a.endsAt).toBeGreaterThan(a.startsAt);
      expect(a.startsAt).toBe(Date.parse(`${a.activityDate}T${a.startTime}:00+08:00`));
      expect(a.code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{7}$/);
    }
    expect(new Set(d.activities.map((a) => a.code)).size).toBe(d.activities.length);
  });

  it('check-ins: inside the window, party members of a participating organization, once per person, 5–20 per held activity', () => {
    const seen = new Set<string>();
    for (const c of d.checkins) {
      const a = byId.get(c.activityId)!;
      expect(c.at).toBeGreaterThanOrEqual(a.startsAt - 30 * 60_000);
      expect(c.at).toBeLessThanOrEqual(a.endsAt);
      const p = homeOf.get(c.personId)!;
      expect(p.kind).toBe('party_member');
      expect(a.participantOrgIds).toContain(p.homeOrgId);
      expect(seen.has(`${c.activityId}|${c.personId}`)).toBe(false);
      seen.add(`${c.activityId}|${c.personId}`);
    }
    for (const a of d.activities.filter((x) => x.status === 'held')) {
      expect(a.attendance).toBe(d.checkins.filter((c) => c.activityId === a.id).length);
      expect(a.attendance).toBeGreaterThanOrEqual(5);
      expect(a.attendance).toBeLessThanOrEqual(20);
    }
  });

  it('mostly compliant, some behind: with the default plan (one of each 五个一 a year) counted by hand', () => {
    const explicit = new Set(d.quotaPlans.map((p) => p.allianceId));
    const defaults = [...new Set(d.activities.map((a) => a.allianceId))].filter((id) => !explicit.has(id));
    const five = ['joint_study', 'joint_visit', 'joint_theme_day', 'practical_matters', 'mutual_review'];
    const held = (id: string, kind: string) => d.activities.filter((a) => a.allianceId === id && a.kind === kind && a.status === 'held').length;
    // Alliances with no activity at all are behind too; count all 11 running ones.
    const running = ['aln_0', 'aln_1', 'aln_2', 'aln_3', 'aln_4', 'aln_5', 'aln_6', 'aln_7', 'aln_8', 'aln_9', 'aln_10', 'aln_11'].filter((id) => !explicit.has(id));
    const complete = running.filter((id) => five.every((k) => held(id, k) >= 1));
    expect(defaults.length).toBeGreaterThan(0);
    expect(complete.length / running.length).toBeGreaterThanOrEqual(0.5);
    expect(complete.length).toBeLessThan(running.length);
    // Seed 003's variant rows, when negotiated, come as five rows.
    for (const id of explicit) expect(d.quotaPlans.filter((p) => p.allianceId === id)).toHaveLength(5);
  });
});
