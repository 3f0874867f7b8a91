import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../points/src/rules/defaults.ts';
import { chifengDemo } from './chifeng-demo.ts';
import type { DemoData, TenantDemoData } from './types.ts';

// The demo ledger against the server's own rules (issue 11 § Demo data): for a
// sample of people, their points recomputed here from their demo activity —
// not through the generator's award code — the way the points consumer awards
// them: 1 per full confirmed service hour (≤ 20 a month), 5 per approved post
// claim (≤ 10 a year), 2 per activity check-in (≤ 10 a month), 2 per
// organizational-life meeting attended (≤ 10 a month), 1 per full hour of
// 双报到 记实 (≤ 10 a month); the month is Asia/Shanghai's when the event is written.

let data: DemoData;
beforeAll(() => {
  data = chifengDemo();
}, 180_000);

type Rows = Record<string, any[]>;
const month = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);

/** person → rule → cap period → requested points, from the raw demo rows. */
function requestedByHand(e: Rows, personIds: Set<string>) {
  const out = new Map<string, number>();
  const add = (personId: string, rule: string, ms: number, points: number) => {
    if (!personIds.has(personId) || points <= 0) return;
    const period = rule === 'post_duty' ? month(ms).slice(0, 4) : month(ms);
    const k = `${personId}|${rule}|${period}`;
    out.set(k, (out.get(k) ?? 0) + points);
  };
  for (const s of e.serviceLogs!) if (s.status === 'confirmed') add(s.personId, 'service_hour', s.decidedAt, Math.floor(s.minutes / 60));
  for (const c of e.postClaims!) if (c.status === 'approved') add(c.personId, 'post_duty', c.decidedAt, 5);
  for (const k of e.activityCheckins!) add(k.personId, 'activity_attendance', k.at, 2);
  for (const r of e.orgLifeRecords!) for (const p of new Set<string>(r.attendeeIds)) add(p, 'org_life', r.createdAt, 2);
  for (const r of e.reportRecords!) add(r.personId, 'report_participation', r.createdAt, Math.floor(r.minutes / 60));
  return out;
}
const CAP: Record<string, number> = { service_hour: 20, post_duty: 10, activity_attendance: 10, org_life: 10, report_participation: 10 };

describe('demo points ledger', { timeout: 60_000 }, () => {
  it('the caps in the test are the default rules', () => {
    for (const [code, cap] of Object.entries(CAP)) expect(DEFAULT_RULES.find((r) => r.code === code)?.capPoints).toBe(cap);
  });

  it('each sampled person’s points per rule and period, and year total, equal the hand computation from their activity', () => {
    const counties = data.tenants.filter((t) => t.tenant.kind === 'county');
    let checked = 0;
    for (const t of counties.slice(0, 3) as TenantDemoData[]) {
      const e = t.engagement as Rows;
      // Every 50th person with any entry, plus every member who did something of each kind.
      const earners = [...new Set(e.pointEntries!.map((x) => x.personId as string))].sort();
      const sample = new Set(earners.filter((_, i) => i % 50 === 0));
      for (const key of ['serviceLogs', 'postClaims', 'activityCheckins', 'reportRecords'] as const) if (e[key]![0]) sample.add(e[key]![0].personId);
      const byHand = requestedByHand(e, sample);
      const ledger = new Map<string, number>();
      for (const x of e.pointEntries!) {
        if (!sample.has(x.personId)) continue;
        const period = x.ruleCode === 'post_duty' ? `${x.year}` : `${x.year}-${String(x.month).padStart(2, '0')}`;
        const k = `${x.personId}|${x.ruleCode}|${period}`;
        ledger.set(k, (ledger.get(k) ?? 0) + x.points);
      }
      const expected = new Map([...byHand].map(([k, v]) => [k, Math.min(v, CAP[k.split('|')[1]!]!)]));
      for (const [k, v] of ledger) if (v === 0) expect(expected.get(k) ?? 0, k).toBe(0);
      expect(new Map([...ledger].filter(([, v]) => v > 0))).toEqual(new Map([...expected].filter(([, v]) => v > 0)));
      for (const p of sample) {
        const sum = [...expected].filter(([k]) => k.startsWith(`${p}|`)).reduce((s, [, v]) => s + v, 0);
        expect(e.pointTotals!.find((x) => x.personId === p)?.total ?? 0, p).toBe(sum);
      }
      checked += sample.size;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('org totals are the sums of their members’ totals, and no source key repeats', () => {
    for (const t of data.tenants.filter((x) => x.tenant.kind === 'county')) {
      const e = t.engagement as Rows;
      expect(new Set(e.pointEntries!.map((x) => x.sourceKey)).size).toBe(e.pointEntries!.length);
      const home = new Map(t.people.map((p) => [p.id, p.homeOrgId]));
      const sums = new Map<string, number>();
      for (const x of e.pointTotals!) {
        const org = home.get(x.personId);
        if (org) sums.set(`${org}|${x.year}`, (sums.get(`${org}|${x.year}`) ?? 0) + x.total);
      }
      expect(new Map(e.pointOrgTotals!.map((x) => [`${x.orgId}|${x.year}`, x.total]))).toEqual(sums);
    }
  });
});
