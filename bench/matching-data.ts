// A county's open needs and free resources for the matching benchmark: one
// county (~10 streets, ~120 communities with grids), 13 categories, ~30
// alliances, some coordinates, an urgency mix and availability windows.
// Deterministic for a seed; pure (no I/O), so the bench worker runs it too.
import type { Locality, MatchNeed, MatchOptions, MatchResource, Place } from '../packages/matching/src/index.ts';

export interface CountyInstance {
  needs: MatchNeed[];
  resources: MatchResource[];
  options: MatchOptions;
}

function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  /** Index by weight. */
  const weighted = (ws: readonly number[]) => {
    let x = next() * ws.reduce((a, b) => a + b, 0);
    for (let i = 0; i < ws.length; i++) if ((x -= ws[i]!) < 0) return i;
    return ws.length - 1;
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}

const COUNTY = '150402';
const TODAY = '2026-12-01';
const GRID_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格'];

function day(offset: number): string {
  return new Date(Date.UTC(2026, 11, 1 + offset)).toISOString().slice(0, 10);
}

interface Community {
  street: string;
  code: string;
  grids: string[];
  lat: number;
  lng: number;
  alliance: string;
}

export function generateCounty({ needs: needCount = 20_000, resources: resourceCount = 5_000, seed = 20261201 } = {}): CountyInstance {
  const rand = prng(seed);
  const communities: Community[] = [];
  for (let s = 1; s <= 10; s++) {
    const street = `${COUNTY}${String(s).padStart(3, '0')}`;
    const [slat, slng] = [42.27 + rand.int(-100, 100) / 1000, 118.95 + rand.int(-120, 120) / 1000];
    for (let c = 1; c <= 12; c++) {
      communities.push({
        street,
        code: `${street}${String(c).padStart(3, '0')}`,
        grids: GRID_NAMES.slice(0, rand.int(3, 6)),
        lat: slat + rand.int(-20, 20) / 1000,
        lng: slng + rand.int(-25, 25) / 1000,
        // 30 alliances over 120 communities: four neighbouring communities each.
        alliance: `alliance-${String(Math.floor((s - 1) * 3 + (c - 1) / 4) + 1).padStart(2, '0')}`,
      });
    }
  }
  const communityWeight = communities.map(() => rand.int(1, 6));
  const categories = Array.from({ length: 13 }, (_, i) => `cat-${String(i + 1).padStart(2, '0')}`);
  const categoryWeight = [12, 10, 9, 8, 7, 6, 5, 5, 4, 3, 3, 2, 1];
  // Compatible categories come in families of about three (e.g. kinds of care).
  const family = (c: number) => categories.filter((_, i) => Math.floor(i / 3) === Math.floor(c / 3) && i !== c);

  const placeIn = (k: Community, coords: boolean): Place => {
    const noCommunity = rand.chance(0.03);
    const grid = noCommunity || rand.chance(0.1) ? null : rand.pick(k.grids);
    return {
      county: COUNTY,
      street: k.street,
      community: noCommunity ? null : k.code,
      grid,
      lat: coords ? k.lat + rand.int(-60, 60) / 10_000 : null,
      lng: coords ? k.lng + rand.int(-80, 80) / 10_000 : null,
    };
  };

  const needs: MatchNeed[] = [];
  for (let i = 0; i < needCount; i++) {
    const k = communities[rand.weighted(communityWeight)]!;
    needs.push({
      id: `need-${String(i).padStart(6, '0')}`,
      allianceId: k.alliance,
      category: categories[rand.weighted(categoryWeight)]!,
      remaining: rand.chance(0.05) ? rand.int(6, 20) : rand.int(1, 4),
      urgency: ([1, 2, 3, 4] as const)[rand.weighted([50, 30, 15, 5])]!,
      deadline: day(rand.chance(0.05) ? -rand.int(1, 10) : rand.int(1, 60)),
      place: placeIn(k, rand.chance(0.3)),
    });
  }

  // About 800 offering organizations, each in one community and alliance.
  const orgs = Array.from({ length: 800 }, (_, i) => ({ id: `org-${String(i).padStart(4, '0')}`, community: communities[rand.weighted(communityWeight)]! }));
  const resources: MatchResource[] = [];
  for (let j = 0; j < resourceCount; j++) {
    const org = rand.pick(orgs);
    const c = rand.weighted(categoryWeight);
    const extra = family(c).filter(() => rand.chance(0.3));
    const coords = rand.chance(0.35);
    const window = rand.weighted([55, 20, 25]);
    const from = window === 2 ? rand.int(-10, 30) : null;
    const to = window === 0 ? null : window === 1 ? rand.int(10, 90) : from! + rand.int(7, 60);
    resources.push({
      id: `res-${String(j).padStart(5, '0')}`,
      allianceId: org.community.alliance,
      orgId: org.id,
      serves: [categories[c]!, ...extra],
      remaining: rand.chance(0.1) ? rand.int(20, 60) : rand.int(1, 12),
      availableFrom: from === null ? null : day(from),
      availableTo: to === null ? null : day(to),
      place: placeIn(org.community, coords),
      scope: (['grid', 'community', 'street', 'county'] as Locality[])[rand.weighted([15, 40, 30, 15])]!,
      radiusM: coords && rand.chance(0.6) ? rand.int(5, 50) * 100 : null,
    });
  }

  const orgLoad = new Map(orgs.map((o) => [o.id, rand.chance(0.4) ? 0 : Math.round(rand.next() * 100) / 100]));
  const excluded = new Set<string>();
  for (let k = 0; k < 200; k++) excluded.add(`${rand.pick(needs).id}|${rand.pick(resources).id}`);
  return { needs, resources, options: { today: TODAY, excluded, orgLoad } };
}
