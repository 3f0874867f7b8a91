// Small random instances for the property tests (not part of the API).
import type { Locality, MatchNeed, MatchOptions, MatchResource, Place } from './types.ts';

/** mulberry32: tiny and seeded, so every failing case has a number. */
export function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rand = ReturnType<typeof prng>;

export const TODAY = '2026-12-01';

export function day(offset: number): string {
  const d = new Date(Date.UTC(2026, 11, 1 + offset));
  return d.toISOString().slice(0, 10);
}

export function place(overrides: Partial<Place> = {}): Place {
  return { county: '150402', street: '150402001', community: '150402001001', grid: '一网格', lat: null, lng: null, ...overrides };
}

/** One need of alliance a1 in 一网格: 2 units of 'care', urgency 1 (the lowest), due in 19 days. */
export function matchNeed(over: Partial<MatchNeed> = {}): MatchNeed {
  return { id: 'n1', allianceId: 'a1', category: 'care', remaining: 2, urgency: 1, deadline: day(19), place: place(), ...over };
}

/** One resource of alliance a1 in the same grid: 5 units of 'care' for its community, always available. */
export function matchResource(over: Partial<MatchResource> = {}): MatchResource {
  return { id: 'r1', allianceId: 'a1', orgId: 'o1', serves: ['care'], remaining: 5, availableFrom: null, availableTo: null, place: place(), scope: 'community', radiusM: null, ...over };
}

function randomPlace(rand: Rand): Place {
  const street = rand.chance(0.1) ? null : rand.pick(['150402001', '150402002']);
  const community = street === null || rand.chance(0.15) ? null : `${street}${rand.pick(['001', '002'])}`;
  const grid = community === null || rand.chance(0.2) ? null : rand.pick(['一网格', '二网格']);
  const coords = rand.chance(0.45);
  // About 1 km between communities, jitter of a few hundred metres.
  const base = community ? Number(community.slice(-4)) : 0;
  return {
    county: '150402',
    street,
    community,
    grid,
    lat: coords ? 42.25 + (base % 10) * 0.009 + rand.int(-30, 30) * 0.0001 : null,
    lng: coords ? 118.9 + Math.floor(base / 1000) * 0.012 + rand.int(-30, 30) * 0.0001 : null,
  };
}

/** ≤ 5 needs × ≤ 5 resources with small quantities and every feature in play. */
export function smallInstance(rand: Rand): { needs: MatchNeed[]; resources: MatchResource[]; options: MatchOptions } {
  const categories = ['c1', 'c2', 'c3'];
  const needs: MatchNeed[] = [];
  const nNeeds = rand.int(1, 5);
  for (let i = 0; i < nNeeds; i++) {
    const copy = i > 0 && rand.chance(0.3) ? needs[rand.int(0, i - 1)]! : null;
    needs.push({
      ...(copy ?? {
        allianceId: rand.pick(['a1', 'a2']),
        category: rand.pick(categories),
        urgency: rand.pick([1, 2, 3, 4] as const),
        deadline: day(rand.int(-3, 20)),
        place: randomPlace(rand),
      }),
      id: `n${i}`,
      remaining: rand.chance(0.05) ? 0 : rand.int(1, 3),
    });
  }
  const resources: MatchResource[] = [];
  const nResources = rand.int(1, 5);
  for (let j = 0; j < nResources; j++) {
    const copy = j > 0 && rand.chance(0.3) ? resources[rand.int(0, j - 1)]! : null;
    const from = rand.chance(0.4) ? null : rand.int(-5, 15);
    const r: MatchResource = {
      ...(copy ?? {
        allianceId: rand.pick(['a1', 'a2']),
        orgId: rand.pick(['o1', 'o2', 'o3']),
        serves: categories.filter(() => rand.chance(0.7)),
        availableFrom: from === null ? null : day(from),
        // A window ends on or after its start (the engine refuses a reversed one);
        // the draw stays the same so the instances keep their other features.
        availableTo: rand.chance(0.4) ? null : day((from ?? 0) + Math.max(from === null ? -2 : 0, rand.int(-2, 20))),
        place: randomPlace(rand),
        scope: rand.pick(['grid', 'community', 'street', 'street', 'county', 'county'] as Locality[]),
        radiusM: rand.chance(0.5) ? rand.int(500, 6000) : null,
      }),
      id: `r${j}`,
      remaining: rand.chance(0.05) ? 0 : rand.int(1, 3),
    };
    if (r.serves.length === 0) r.serves = [rand.pick(categories)];
    resources.push(r);
  }
  const excluded = new Set<string>();
  for (let k = rand.int(0, 2); k > 0; k--) excluded.add(`${rand.pick(needs).id}|${rand.pick(resources).id}`);
  const orgLoad = new Map([
    ['o1', rand.pick([0, 0.1, 0.35])],
    ['o2', rand.pick([0.5, 0.85, 1])],
  ]);
  return { needs, resources, options: { today: TODAY, excluded, orgLoad } };
}

export function shuffle<T>(rand: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
