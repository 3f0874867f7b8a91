import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from './alliances.ts';
import { chifengDemo } from './chifeng-demo.ts';
import { buildPosts, type PostsDemoData } from './posts.ts';
import { rngFrom } from './prng.ts';
import type { DemoPerson, TenantDemoData } from './types.ts';

// The 报到领岗 demo rows keep the server's rules (packages/people/src/posts):
// places, service only on approved claims, dates, 24 hours a day.
let county: TenantDemoData;
let people: DemoPerson[];
let data: PostsDemoData;
const ID = /^[a-z]{3}_[0-9a-z]{26}$/;

beforeAll(() => {
  const base = chifengDemo();
  county = base.tenants.find((t) => t.tenant.kind === 'county' && t.alliances.alliances.some((a) => a.status === 'active'))!;
  // The people generator belongs to another part of issue 11: a small registry is made here, three members a branch.
  people = county.orgs
    .filter((o) => o.kind === '党支部')
    .flatMap((o, i) =>
      [0, 1, 2].map((k) => ({
        id: `psn_${String(i * 3 + k).padStart(26, '0')}`,
        name: `党员${i}-${k}`,
        kind: 'party_member' as const,
        partyStanding: '正式' as const,
        homeOrgId: o.id,
        inService: false,
        workUnit: null,
        skills: [],
        phone: null,
        idNumber: null,
        userId: null,
        status: 'active' as const,
        version: 1,
        createdAt: 0,
        updatedAt: 0,
      })),
    );
  const input = { tenant: county.tenant, orgs: county.orgs, alliances: county.alliances, lists: county.lists, people, today: DEMO_TODAY };
  data = buildPosts({ ...input, rng: rngFrom('posts-test') });
  // Same seed, same rows.
  expect(buildPosts({ ...input, rng: rngFrom('posts-test') })).toEqual(data);
}, 120_000);

describe('posts demo data', () => {
  it('has posts of communities and of active alliances, claims and a year of mostly confirmed service', () => {
    const communities = new Set(county.orgs.filter((o) => o.domain === '社区').map((o) => o.id));
    const active = new Set(county.alliances.alliances.filter((a) => a.status === 'active').map((a) => a.id));
    expect(data.posts.length).toBe(communities.size * 2 + active.size);
    for (const p of data.posts) {
      expect(p.id).toMatch(ID);
      expect((p.ownerOrgId === null) !== (p.ownerAllianceId === null)).toBe(true);
      if (p.ownerOrgId) expect(communities.has(p.ownerOrgId)).toBe(true);
      else expect(active.has(p.ownerAllianceId!)).toBe(true);
      expect(p.startsOn <= p.endsOn && p.startsOn <= DEMO_TODAY).toBe(true);
      expect(p.status).toBe(p.endsOn < DEMO_TODAY ? 'closed' : 'open');
    }
    expect(data.claims.length).toBeGreaterThan(data.posts.length);
    const confirmed = data.serviceLogs.filter((s) => s.status === 'confirmed').length;
    expect(confirmed / data.serviceLogs.length).toBeGreaterThan(0.7);
  });

  it("never exceeds a post's places, and its taken count is its pending and approved claims", () => {
    for (const p of data.posts) {
      const live = data.claims.filter((c) => c.postId === p.id && (c.status === 'pending' || c.status === 'approved'));
      expect(live.length).toBe(p.taken);
      expect(p.taken).toBeLessThanOrEqual(p.places);
      expect(new Set(live.map((c) => c.personId)).size).toBe(live.length);
    }
  });

  it('logs service only on approved claims, from the claim day to today, at most 24 hours a person a day', () => {
    const claims = new Map(data.claims.map((c) => [c.id, c]));
    const posts = new Map(data.posts.map((p) => [p.id, p]));
    const perDay = new Map<string, number>();
    for (const s of data.serviceLogs) {
      const c = claims.get(s.claimId)!;
      expect(c.status).toBe('approved');
      expect([s.postId, s.personId]).toEqual([c.postId, c.personId]);
      expect(s.serviceDate >= c.claimedOn && s.serviceDate <= DEMO_TODAY && s.serviceDate <= posts.get(s.postId)!.endsOn).toBe(true);
      expect(s.minutes).toBeGreaterThan(0);
      if (s.status === 'rejected') expect(s.decisionReason).toBeTruthy();
      if (s.status !== 'rejected') perDay.set(`${s.personId}:${s.serviceDate}`, (perDay.get(`${s.personId}:${s.serviceDate}`) ?? 0) + s.minutes);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(24 * 60);
    for (const c of data.claims) {
      expect(c.claimedOn <= DEMO_TODAY).toBe(true);
      if (c.status === 'declined') expect(c.decisionReason).toBeTruthy();
    }
  });
});
