import { beforeAll, describe, expect, it } from 'vitest';
import { defaultStandard, isCommunity, liveInYear, mayReport, memberStanding, mustPair, orgEligible, orgStanding } from '../../people/src/pairing/rules.ts';
import { DEMO_TODAY, emptyAllianceData } from './alliances.ts';
import { chifengDemo } from './chifeng-demo.ts';
import { COUNTY_ORGAN_QUOTA } from './generate.ts';
import { emptyListsData } from './lists.ts';
import { buildPairing, type PairingDemoData } from './pairing.ts';
import { rngFrom } from './prng.ts';
import type { DemoData, DemoOrg, DemoPerson, TenantDemoData } from './types.ts';

// The 双报到 demo rows against the server's own rules (packages/people/src/pairing/rules.ts)
// and seed 003's scale: 1,036 county organs paired, every organ ≥ 1 community, every
// in-service member ≥ 1 report; a year of records where most meet the standard and a few do not.

let base: DemoData;
const built = new Map<string, { t: TenantDemoData; people: DemoPerson[]; data: PairingDemoData }>();

/** In-service members of each organ (the people generator is another lane's): 23 each ≈ seed 003's 2.38万 over 1,036 organs. */
function organMembers(orgs: readonly DemoOrg[]): DemoPerson[] {
  return orgs.filter((o) => mustPair(o)).flatMap((o, i) =>
    Array.from({ length: 23 }, (_, k): DemoPerson => ({
      id: `psn_${o.id.slice(4)}${k}`,
      name: `党员${i}-${k}`,
      kind: 'party_member',
      partyStanding: '正式',
      homeOrgId: o.id,
      inService: k !== 22, // one retired member per organ: not in service, so reports nowhere
      workUnit: o.name,
      skills: [],
      phone: null,
      idNumber: null,
      userId: null,
      status: 'active',
      version: 1,
      createdAt: 0,
      updatedAt: 0,
    })),
  );
}

beforeAll(() => {
  base = chifengDemo();
  for (const t of base.tenants) {
    const people = organMembers(t.orgs);
    const data = buildPairing({ tenant: t.tenant, orgs: t.orgs, alliances: emptyAllianceData(), lists: emptyListsData(), people, rng: rngFrom(`test/pairing/${t.tenant.slug}`), today: DEMO_TODAY });
    built.set(t.tenant.slug, { t, people, data });
  }
}, 120_000);

describe('双报到 demo data', () => {
  it('pairs every county organ with ≥ 1 of its own communities: 1,036 organs city-wide, by the counties’ quotas', () => {
    let organs = 0;
    for (const { t, data } of built.values()) {
      if (t.tenant.kind === 'city') continue;
      const byId = new Map(t.orgs.map((o) => [o.id, o]));
      const paired = new Set(data.pairings.map((p) => p.orgId));
      const mine = t.orgs.filter((o) => mustPair(o));
      expect(mine.length, t.tenant.slug).toBe(COUNTY_ORGAN_QUOTA[t.tenant.slug]);
      expect(mine.filter((o) => !paired.has(o.id)).map((o) => o.name), t.tenant.slug).toEqual([]);
      expect(data.pairings.filter((p) => !isCommunity(byId.get(p.communityOrgId)!) || !mustPair(byId.get(p.orgId)!) || p.pairedOn > DEMO_TODAY).map((p) => p.id)).toEqual([]);
      // One live pairing per pair (the unique index).
      expect(new Set(data.pairings.map((p) => `${p.orgId}/${p.communityOrgId}`)).size).toBe(data.pairings.length);
      organs += paired.size;
    }
    expect(organs).toBe(1036);
  });

  it('reports every in-service member to ≥ 1 community of the county, and nobody else', () => {
    let reported = 0;
    for (const { t, people, data } of built.values()) {
      if (t.tenant.kind === 'city') continue;
      const byId = new Map(t.orgs.map((o) => [o.id, o]));
      const who = new Set(data.reports.map((r) => r.personId));
      const persons = new Map(people.map((p) => [p.id, p]));
      expect(people.filter((p) => mayReport(p) && !who.has(p.id)), t.tenant.slug).toEqual([]);
      expect(data.reports.filter((r) => !mayReport(persons.get(r.personId)!) || !isCommunity(byId.get(r.communityOrgId)!)).map((r) => r.id)).toEqual([]);
      expect(new Set(data.reports.map((r) => `${r.personId}/${r.communityOrgId}`)).size).toBe(data.reports.length);
      reported += who.size;
    }
    // 22 in-service of 23 per organ, 1,036 organs.
    expect(reported).toBe(22 * 1036);
  });

  it('records obey the server: reported by the day served, not in the future, 1–1,440 minutes, ≤ 3 per member on average', () => {
    for (const { t, data } of built.values()) {
      const reports = new Map(data.reports.map((r) => [`${r.personId}/${r.communityOrgId}`, r]));
      // Violations collected, one expect per tenant: ~50,000 records.
      const bad = data.records.filter((rec) => {
        const r = reports.get(`${rec.personId}/${rec.communityOrgId}`);
        return (
          !r ||
          rec.servedOn < r.reportedOn ||
          !liveInYear({ since: r.reportedOn, endedOn: r.endedOn }, rec.year) ||
          rec.servedOn > DEMO_TODAY ||
          rec.year !== Number(rec.servedOn.slice(0, 4)) ||
          rec.minutes < 1 ||
          rec.minutes > 1440
        );
      });
      expect(bad.map((r) => r.id), t.tenant.slug).toEqual([]);
      if (data.reports.length) expect(data.records.length / data.reports.length, t.tenant.slug).toBeLessThanOrEqual(3);
    }
  });

  it('most members and organs meet the default standard, a few do not (the compliance table shows both)', () => {
    let met = 0;
    let short = 0;
    let eligible = 0;
    let ineligible = 0;
    const year = Number(DEMO_TODAY.slice(0, 4));
    const s = defaultStandard(year);
    for (const { t, people, data } of built.values()) {
      if (t.tenant.kind === 'city') continue;
      const records = new Map<string, { n: number; minutes: number }>();
      for (const r of data.records) {
        const x = records.get(r.personId) ?? { n: 0, minutes: 0 };
        records.set(r.personId, { n: x.n + 1, minutes: x.minutes + r.minutes });
      }
      const reported = new Set(data.reports.map((r) => r.personId));
      for (const p of people.filter((x) => mayReport(x))) {
        const r = records.get(p.id) ?? { n: 0, minutes: 0 };
        if (memberStanding({ reported: reported.has(p.id), records: r.n, minutes: r.minutes }, s) === 'met') met++;
        else short++;
      }
      const paired = new Set(data.pairings.map((p) => p.orgId));
      for (const o of t.orgs.filter((x) => mustPair(x))) {
        const n = people.filter((p) => p.homeOrgId === o.id).reduce((sum, p) => sum + (records.get(p.id)?.n ?? 0), 0);
        if (orgEligible(orgStanding({ paired: paired.has(o.id), records: n }, s))) eligible++;
        else ineligible++;
      }
    }
    expect(met / (met + short)).toBeGreaterThan(0.75);
    expect(short).toBeGreaterThan(0);
    expect(eligible).toBeGreaterThan(ineligible);
    expect(ineligible + short).toBeGreaterThan(0);
  });

  it('the city tenant has no community in its own database, so no pairing rows (its 69 organs pair in the counties)', () => {
    const city = [...built.values()].find((x) => x.t.tenant.kind === 'city')!;
    expect(city.t.orgs.some((o) => isCommunity(o))).toBe(false);
    expect(city.data.pairings).toEqual([]);
    expect(city.data.standards.map((s) => s.year)).toEqual([2025, 2026]);
  });

  it('is deterministic for a seed', () => {
    const { t, people } = built.get('hongshan')!;
    const again = buildPairing({ tenant: t.tenant, orgs: t.orgs, alliances: emptyAllianceData(), lists: emptyListsData(), people, rng: rngFrom('test/pairing/hongshan'), today: DEMO_TODAY });
    expect(again).toEqual(built.get('hongshan')!.data);
  });
});
