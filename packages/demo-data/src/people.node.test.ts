// The demo people registry obeys the server's own rules (issue 11): what the
// people capability would accept and what the alliance rules expect of a
// liaison, at seed 003's scale.
import { beforeAll, describe, expect, it } from 'vitest';
import type { people as peopleTable } from '../../../schema/tenant/people.ts';
import { chifengDemo } from './chifeng-demo.ts';
import { COUNTY_ORGAN_QUOTA, DEMO_ACCOUNTS_CREATED } from './generate.ts';
import { DEMO_SKILLS, IN_SERVICE_CITY_TOTAL, IN_SERVICE_DOMAINS, MEMBER_SHARE, inServiceQuota } from './people.ts';
import type { DemoData, DemoPerson, TenantDemoData } from './types.ts';

// The rows must be insertable as they are (checked at compile time).
const _contract: DemoPerson extends (typeof peopleTable)['$inferInsert'] ? true : never = true;
void _contract;

let data: DemoData;
const counties = () => data.tenants.filter((t) => t.tenant.kind === 'county') as TenantDemoData[];

beforeAll(() => {
  data = chifengDemo();
}, 90_000);

describe('demo people registry', { timeout: 60_000 }, () => {
  // About 90,000 rows: each test gathers what breaks a rule and asserts once (an expect per row takes a minute).
  it('has people in every county and none in the city, with valid unique ids and no identity numbers (collect the minimum)', () => {
    expect(data.tenants.find((t) => t.tenant.kind === 'city')!.people).toEqual([]);
    const today = Date.parse('2026-11-20T00:00:00+08:00');
    const skills = new Set<string>(DEMO_SKILLS);
    for (const t of counties()) {
      expect(t.people.length, t.tenant.slug).toBeGreaterThan(1000);
      const bad = t.people.filter(
        (p) =>
          !/^psn_[0-9a-z]{26}$/.test(p.id) ||
          p.idNumber !== null ||
          p.name.length < 2 ||
          p.updatedAt < p.createdAt ||
          p.createdAt >= today ||
          p.skills.some((s) => !skills.has(s)),
      );
      expect(bad, t.tenant.slug).toEqual([]);
      expect(new Set(t.people.map((p) => p.id)).size, t.tenant.slug).toBe(t.people.length);
    }
  });

  it('gives every party member a standing and an active home organization of the county; volunteers have no standing', () => {
    for (const t of counties()) {
      const orgs = new Map(t.orgs.map((o) => [o.id, o]));
      const bad = t.people.filter((p) => {
        const home = p.homeOrgId ? orgs.get(p.homeOrgId) : undefined;
        if (!home || home.status !== 'active') return true;
        if (p.kind === 'party_member') return p.partyStanding !== '正式' && p.partyStanding !== '预备';
        return p.kind !== 'volunteer' || p.partyStanding !== null || p.inService || home.domain !== '社区';
      });
      expect(bad, t.tenant.slug).toEqual([]);
    }
  });

  it('has about one probationary (预备) member in twenty, and a few volunteers in every community', () => {
    const members = counties().flatMap((t) => t.people.filter((p) => p.kind === 'party_member'));
    const probationary = members.filter((p) => p.partyStanding === '预备').length / members.length;
    expect(probationary).toBeGreaterThan(0.03);
    expect(probationary).toBeLessThan(0.07);
    for (const t of counties()) {
      const volunteers = new Map<string, number>();
      for (const p of t.people) if (p.kind === 'volunteer') volunteers.set(p.homeOrgId!, (volunteers.get(p.homeOrgId!) ?? 0) + 1);
      for (const c of t.orgs.filter((o) => o.domain === '社区')) {
        expect(volunteers.get(c.id) ?? 0, c.name).toBeGreaterThanOrEqual(2);
        expect(volunteers.get(c.id) ?? 0, c.name).toBeLessThanOrEqual(6);
      }
    }
  });

  it('has valid mobile numbers, unique within a county, for nearly everyone', () => {
    for (const t of counties()) {
      const phones = t.people.map((p) => p.phone).filter((p): p is string => p !== null);
      expect(phones.filter((p) => !/^1[3-9]\d{9}$/.test(p))).toEqual([]);
      expect(new Set(phones).size, t.tenant.slug).toBe(phones.length);
      expect(phones.length / t.people.length).toBeGreaterThan(0.9);
    }
  });

  it('never has more people in an organization than its registered member count, and at least three (or all) in each', () => {
    for (const t of counties()) {
      const n = new Map<string, number>();
      for (const p of t.people) if (p.kind === 'party_member') n.set(p.homeOrgId!, (n.get(p.homeOrgId!) ?? 0) + 1);
      const bad = t.orgs.filter((o) => !o.isExternal && ((n.get(o.id) ?? 0) > o.memberCount || (n.get(o.id) ?? 0) < Math.min(3, o.memberCount)));
      expect(bad.map((o) => [o.name, o.memberCount, n.get(o.id)])).toEqual([]);
    }
  });

  it('makes every current alliance member’s named liaison a party member of that organization (seed 000 11.1.2)', () => {
    let linked = 0;
    for (const t of counties()) {
      const byId = new Map(t.people.map((p) => [p.id, p]));
      for (const m of t.alliances.members) {
        if (m.leftOn || !m.liaisonName) continue;
        const person = byId.get(t.liaisonPersonIds[m.id]!);
        expect(person, `${t.tenant.slug} ${m.id}`).toBeDefined();
        expect(person).toMatchObject({ name: m.liaisonName, phone: m.liaisonPhone, homeOrgId: m.orgId, kind: 'party_member', status: 'active' });
        linked++;
      }
      // Only current members' liaisons: a member that left keeps its history, not a link.
      for (const id of Object.keys(t.liaisonPersonIds)) expect(t.alliances.members.find((m) => m.id === id)?.leftOn ?? null).toBeNull();
    }
    expect(linked).toBeGreaterThan(1000);
  });

  it('makes every member account a person of its scope organization, signing in as people.user_id', () => {
    const members = data.accounts.filter((a) => a.role === 'member');
    expect(members.length).toBeGreaterThanOrEqual(12);
    for (const a of members) {
      const t = counties().find((c) => c.tenant.slug === a.tenant)!;
      const mine = t.people.filter((p) => p.userId === a.userId);
      expect(mine, a.username).toHaveLength(1);
      expect(mine[0]).toMatchObject({ homeOrgId: a.scopeOrgId, kind: 'party_member', status: 'active', phone: a.phone });
      expect(a.displayName.startsWith(mine[0]!.name)).toBe(true);
      expect(mine[0]!.createdAt).toBeLessThanOrEqual(Date.parse('2026-11-20T00:00:00+08:00'));
    }
    for (const t of counties()) {
      const users = t.people.map((p) => p.userId).filter(Boolean);
      expect(new Set(users).size).toBe(users.length);
    }
    expect(DEMO_ACCOUNTS_CREATED).toBeGreaterThan(0);
  });

  it('has seed 003’s 23,800 in-service members city-wide, each working in an organ or institution it names', () => {
    // Tolerance ±1 %: each county's share is rounded to a whole person, and the
    // liaisons the alliances name count on top of a small branch's share.
    const inService = counties().flatMap((t) => {
      const orgs = new Map(t.orgs.map((o) => [o.id, o]));
      return t.people.filter((p) => p.inService).map((p) => ({ p, home: orgs.get(p.homeOrgId!)! }));
    });
    expect(inService.length).toBeGreaterThan(IN_SERVICE_CITY_TOTAL * 0.99);
    expect(inService.length).toBeLessThan(IN_SERVICE_CITY_TOTAL * 1.01);
    const bad = inService.filter(
      ({ p, home }) =>
        p.kind !== 'party_member' ||
        !IN_SERVICE_DOMAINS.has(home.domain) ||
        /离退休/.test(home.name) ||
        !p.workUnit ||
        /党(支部|总支|委)$/.test(p.workUnit) ||
        !home.name.startsWith(p.workUnit),
    );
    expect(bad.map(({ p, home }) => [p.workUnit, home.name])).toEqual([]);
    expect(counties().flatMap((t) => t.people.filter((p) => !p.inService && p.workUnit !== null))).toEqual([]);
    // The organs' own members are the bulk of them (seed 003 counts organ members).
    expect(inService.filter(({ home }) => home.domain === '机关').length / inService.length).toBeGreaterThan(0.45);
  });

  it('scales the in-service total with the organs: ten times Chifeng (pnpm bench) has ten times seed 003’s 23,800', () => {
    // Each county's share is rounded to a whole person: at most half a person off per county.
    const at = (scale: number) => Object.values(COUNTY_ORGAN_QUOTA).reduce((s, organs) => s + inServiceQuota(organs * scale), 0);
    expect(Math.abs(at(1) - 23_800)).toBeLessThanOrEqual(6);
    expect(Math.abs(at(10) - 238_000)).toBeLessThanOrEqual(6);
  });

  it('seeds a documented share of the registry, not every registered member (MEMBER_SHARE)', () => {
    const registered = counties().reduce((s, t) => s + t.orgs.filter((o) => !o.isExternal).reduce((a, o) => a + o.memberCount, 0), 0);
    const people = counties().reduce((s, t) => s + t.people.filter((p) => p.kind === 'party_member').length, 0);
    expect(registered).toBeGreaterThan(250_000);
    expect(people).toBeGreaterThan(registered * MEMBER_SHARE * 0.9);
    expect(people).toBeLessThan(150_000);
  });
});
