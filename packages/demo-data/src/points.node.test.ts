import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../points/src/rules/defaults.ts';
import { buildPoints, type DemoAward } from './points.ts';
import { rngFrom } from './prng.ts';
import type { DemoPerson, PeopleDemoInput } from './types.ts';

// The demo ledger must be what the server's rules would write (issue 11 §
// Demo data): caps per person, rule and period never exceeded, one entry per
// source key, totals equal to the entries' sums.
const at = (iso: string) => Date.parse(`${iso}+08:00`);
const person = (id: string, homeOrgId: string | null): DemoPerson => ({
  id, name: id, kind: 'party_member', partyStanding: '正式', homeOrgId, inService: false, workUnit: null, skills: [], phone: null, idNumber: null, userId: null, status: 'active', version: 1, createdAt: 0, updatedAt: 0,
});
const people = [person('psn_a', 'org_1'), person('psn_b', 'org_1'), person('psn_c', 'org_2'), person('psn_d', null)];
const input = (awards: DemoAward[]) =>
  ({ tenant: { slug: 'hongshan', code: '150402', name: '红山区', kind: 'county', binding: 'DB_HONGSHAN' }, orgs: [], people, rng: rngFrom('t'), today: '2026-06-30', awards }) as unknown as PeopleDemoInput & { awards: DemoAward[] };

describe('buildPoints', () => {
  it('hand-computed: attendance 2 each up to 10 a month, service per full hour, a repeated source key once, unknown sources and people nothing', () => {
    const awards: DemoAward[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ personId: 'psn_a', source: 'activity_attendance', sourceKey: `chk_${i}`, at: at(`2026-03-0${i + 1}T10:00:00`), units: 1 })),
      { personId: 'psn_a', source: 'activity_attendance', sourceKey: 'chk_apr', at: at('2026-04-01T08:00:00'), units: 1 },
      { personId: 'psn_b', source: 'service_hour', sourceKey: 'svc_1', at: at('2026-03-02T10:00:00'), units: 3 },
      { personId: 'psn_b', source: 'service_hour', sourceKey: 'svc_1', at: at('2026-03-02T10:00:00'), units: 3 },
      { personId: 'psn_b', source: 'no_such_rule', sourceKey: 'x_1', at: at('2026-03-02T10:00:00'), units: 3 },
      { personId: 'psn_zz', source: 'service_hour', sourceKey: 'svc_2', at: at('2026-03-02T10:00:00'), units: 3 },
      { personId: 'psn_c', source: 'post_duty', sourceKey: 'pcm_1', at: at('2026-01-02T10:00:00'), units: 1 },
      { personId: 'psn_c', source: 'post_duty', sourceKey: 'pcm_2', at: at('2026-05-02T10:00:00'), units: 1 },
      { personId: 'psn_c', source: 'post_duty', sourceKey: 'pcm_3', at: at('2026-09-02T10:00:00'), units: 1 },
    ];
    const out = buildPoints(input(awards));
    expect(out.rules.map((r) => r.code)).toEqual(DEFAULT_RULES.map((r) => r.code));
    const pts = (pid: string) => out.entries.filter((e) => e.personId === pid).map((e) => e.points);
    expect(pts('psn_a')).toEqual([2, 2, 2, 2, 2, 0, 2]);
    expect(pts('psn_b')).toEqual([3]);
    // 报到领岗 5 each, at most 10 a year.
    expect(pts('psn_c')).toEqual([5, 5, 0]);
    expect(out.totals.sort((x, y) => (x.personId < y.personId ? -1 : 1)).map((t) => [t.personId, t.total])).toEqual([['psn_a', 12], ['psn_b', 3], ['psn_c', 10]]);
    expect(out.orgTotals.map((t) => [t.orgId, t.year, t.total]).sort()).toEqual([['org_1', 2026, 15], ['org_2', 2026, 10]]);
  });

  it('a random year of awards stays within every cap, with unique keys and consistent totals', () => {
    const rng = rngFrom('points-demo');
    const sources = ['org_life', 'study', 'service_hour', 'post_duty', 'activity_attendance', 'report_participation', 'manual'];
    const awards: DemoAward[] = Array.from({ length: 400 }, (_, i) => ({
      personId: people[rng.int(0, people.length - 1)]!.id,
      source: sources[rng.int(0, sources.length - 1)]!,
      sourceKey: `evt_${rng.int(0, 350)}`,
      at: at('2026-01-01T00:00:00') + rng.int(0, 364) * 86_400_000 + i,
      units: rng.int(0, 4),
    }));
    const out = buildPoints(input(awards));
    expect(new Set(out.entries.map((e) => e.sourceKey)).size).toBe(out.entries.length);
    expect(new Set(out.entries.map((e) => e.id)).size).toBe(out.entries.length);
    const used = new Map<string, number>();
    for (const e of out.entries) {
      const rule = DEFAULT_RULES.find((r) => r.code === e.ruleCode)!;
      expect(e.points).toBeGreaterThanOrEqual(0);
      expect(e.points).toBeLessThanOrEqual(e.requested);
      if (rule.capPeriod) {
        const period = rule.capPeriod === 'month' ? e.month : rule.capPeriod === 'quarter' ? Math.ceil(e.month / 3) : 0;
        const key = `${e.personId}|${e.ruleCode}|${period}`;
        used.set(key, (used.get(key) ?? 0) + e.points);
        expect(used.get(key)!).toBeLessThanOrEqual(rule.capPoints!);
      }
    }
    for (const t of out.totals) expect(t.total).toBe(out.entries.filter((e) => e.personId === t.personId && e.year === t.year).reduce((s, e) => s + e.points, 0));
  });
});
