// An independent statement of the matching model, checked against the engine.
//
// The brute-force and reference tests beside this file take feasibility and
// costs from the engine itself (`suggest`, `explainPair`), so they prove the
// optimiser but not the model: a wrong band or a scope check one level too
// wide would pass them. Here the model is written again, in a few dozen plain
// lines, from ADR 0008 (hard constraints, cost bands, objective) and ADR 0009
// (categories with `also_serves`, units) — without importing any of the
// engine's helpers or tables — and the engine must agree with it: on every
// pair (`explainPair`, `suggest` with its per-factor costs and labels), and
// on the optimum of `assign`, found here by enumerating integer allocations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The API side that turns rows into engine input (categories with also_serves,
// units): imported by path because @ronghe/lists depends on this package.
import { toMatchNeed, toMatchResource } from '../../lists/src/matching/engine-input.ts';
import type { Ctx } from '@ronghe/core';
import type { ListCategory, Need, Resource } from '@ronghe/schema';
import { assign, explainPair, suggest } from './index.ts';
import { prng, smallInstance } from './test-fixtures.ts';
import type { ConstraintName, CostFactorName, Locality, MatchNeed, MatchOptions, MatchResource, Place, Urgency } from './types.ts';

// ---- The model (ADR 0008) ----------------------------------------------------

/** Objective weights: one 特急 unit is worth two 紧急 units, and so on down. */
const WEIGHT: Record<Urgency, number> = { 1: 1, 2: 2, 3: 4, 4: 8 };
/** Finest shared unit: grid, community, street, county. */
const LOCALITY = [
  { cost: 0, label: '同一网格' },
  { cost: 2, label: '同一社区（村）' },
  { cost: 5, label: '同一街道（乡镇）' },
  { cost: 9, label: '同一旗县区' },
];
const SCOPE_LEVEL: Record<Locality, number> = { grid: 0, community: 1, street: 2, county: 3 };
/** Upper bound in metres → cost; farther than 20 km costs 10. */
const DISTANCE_BANDS: [number, number][] = [
  [500, 0],
  [1000, 1],
  [2000, 2],
  [5000, 4],
  [10_000, 6],
  [20_000, 8],
];
const OTHER_ALLIANCE = 6;

const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Great-circle distance on a sphere of the mean Earth radius. */
function metres(a: Place, b: Place): number {
  const R = 6_371_008.8;
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const [p1, p2] = [toRad(a.lat!), toRad(b.lat!)];
  const dp = p2 - p1;
  const dl = toRad(b.lng! - a.lng!);
  const h = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** Coordinates decide when both places have them and the resource has a radius. */
const byDistance = (n: MatchNeed, r: MatchResource) => n.place.lat !== null && r.place.lat !== null && r.radiusM !== null;

/**
 * The finest level at which the two places are in the same unit, or null.
 * A grid is named inside its community, so the same grid means the same
 * community and the same grid name; a missing level is never shared.
 */
function finestShared(a: Place, b: Place): number | null {
  const sameCommunity = a.community !== null && a.community === b.community;
  if (sameCommunity && a.grid !== null && a.grid === b.grid) return 0;
  if (sameCommunity) return 1;
  if (a.street !== null && a.street === b.street) return 2;
  if (a.county === b.county) return 3;
  return null;
}

/** The need's days: today through max(today, deadline). */
function needDays(n: MatchNeed, today: string) {
  return { first: dayOf(today), last: Math.max(dayOf(today), dayOf(n.deadline)) };
}
function resourceDays(r: MatchResource) {
  return { from: r.availableFrom === null ? -Infinity : dayOf(r.availableFrom), to: r.availableTo === null ? Infinity : dayOf(r.availableTo) };
}

/** Every hard constraint the pair breaks, in the order the engine reports them. */
function broken(n: MatchNeed, r: MatchResource, o: MatchOptions): ConstraintName[] {
  const out: ConstraintName[] = [];
  if (!r.serves.includes(n.category)) out.push('category');
  const { first, last } = needDays(n, o.today);
  const { from, to } = resourceDays(r);
  if (from > last || to < first) out.push('availability');
  if (byDistance(n, r)) {
    if (metres(n.place, r.place) > r.radiusM!) out.push('place');
  } else {
    const shared = finestShared(n.place, r.place);
    if (shared === null || shared > SCOPE_LEVEL[r.scope]) out.push('place');
  }
  if (o.excluded?.has(`${n.id}|${r.id}`)) out.push('excluded');
  return out;
}

const mayServe = (n: MatchNeed, r: MatchResource, o: MatchOptions) => broken(n, r, o).length === 0;

/** Days to do the work → tightness band: 15+ days 0, 8–14 1, 4–7 2, 2–3 3, one day 4. */
function band(days: number): number {
  if (days >= 15) return 0;
  if (days >= 8) return 1;
  if (days >= 4) return 2;
  if (days >= 2) return 3;
  return 4;
}

type Factors = Partial<Record<CostFactorName, { cost: number; label: string }>>;

/** The per-factor costs (and the reasons people read) of a pair that may be served. */
function factors(n: MatchNeed, r: MatchResource, o: MatchOptions): Factors {
  const out: Factors = {};
  if (byDistance(n, r)) {
    const m = metres(n.place, r.place);
    const cost = DISTANCE_BANDS.find(([limit]) => m <= limit)?.[1] ?? 10;
    out.distance = { cost, label: m < 1000 ? `距离约 ${Math.round(m / 10) * 10} 米` : `距离约 ${(m / 1000).toFixed(1)} 公里` };
  } else {
    out.locality = LOCALITY[finestShared(n.place, r.place)!]!;
  }
  // The bands the resource's window loses against the need's own window.
  const { first, last } = needDays(n, o.today);
  const { from, to } = resourceDays(r);
  const window = last - first + 1;
  const covered = Math.min(to, last) - Math.max(from, first) + 1;
  out.deadline = {
    cost: 2 * (band(covered) - band(window)),
    label: covered >= window ? `资源可用期覆盖截止日前全部 ${window} 天` : `资源可用期覆盖截止日前 ${covered} 天（需求尚余 ${window} 天）`,
  };
  const same = n.allianceId === r.allianceId;
  out.alliance = { cost: same ? 0 : OTHER_ALLIANCE, label: same ? '本联合体资源' : '其他联合体资源' };
  // Committed share in fifths: under 20 % costs 0, 80 % or more costs 4.
  const load = o.orgLoad?.get(r.orgId) ?? 0;
  const pct = Math.round(load * 100);
  out.load = { cost: [0.2, 0.4, 0.6, 0.8].filter((t) => load >= t).length, label: pct === 0 ? '提供单位尚未承担其他资源任务' : `提供单位已承担 ${pct}% 的资源` };
  return out;
}

const cost = (n: MatchNeed, r: MatchResource, o: MatchOptions) => Object.values(factors(n, r, o)).reduce((sum, f) => sum + f.cost, 0);

/**
 * The best (weight, cost) over every integer allocation: maximise
 * Σ weight × units, then minimise Σ cost × units. Pairs are walked need by
 * need; memoised on (pair, what the current need still wants, what every
 * resource still has).
 */
function optimum(needs: MatchNeed[], resources: MatchResource[], o: MatchOptions): { weight: number; cost: number } {
  const pairs: { i: number; j: number; w: number; c: number }[] = [];
  needs.forEach((n, i) =>
    resources.forEach((r, j) => {
      if (n.remaining > 0 && r.remaining > 0 && mayServe(n, r, o)) pairs.push({ i, j, w: WEIGHT[n.urgency], c: cost(n, r, o) });
    }),
  );
  const needLeft = needs.map((n) => n.remaining);
  const resLeft = resources.map((r) => r.remaining);
  const memo = new Map<string, [number, number]>();
  const walk = (k: number): [number, number] => {
    if (k === pairs.length) return [0, 0];
    const { i, j, w, c } = pairs[k]!;
    const key = `${k}|${needLeft[i]}|${resLeft.join(',')}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let best: [number, number] = [-1, 0];
    for (let q = 0; q <= Math.min(needLeft[i]!, resLeft[j]!); q++) {
      needLeft[i]! -= q;
      resLeft[j]! -= q;
      const [rw, rc] = walk(k + 1);
      needLeft[i]! += q;
      resLeft[j]! += q;
      const here: [number, number] = [rw + q * w, rc + q * c];
      if (here[0] > best[0] || (here[0] === best[0] && here[1] < best[1])) best = here;
    }
    memo.set(key, best);
    return best;
  };
  const [weight, total] = walk(0);
  return { weight, cost: total };
}

// ---- Comparing the engine with the model ---------------------------------------

/** Thresholds the engine and the model compare distances with: a float apart from one of them would be luck, not a disagreement. */
function nearThreshold(needs: MatchNeed[], resources: MatchResource[]): boolean {
  for (const n of needs) {
    for (const r of resources) {
      if (!byDistance(n, r)) continue;
      const m = metres(n.place, r.place);
      for (const t of [r.radiusM!, ...DISTANCE_BANDS.map(([limit]) => limit)]) if (Math.abs(m - t) < 0.01) return true;
    }
  }
  return false;
}

/** Everything the engine says about an instance, compared with the model; returns what the instance exercised. */
function compare(label: string, needs: MatchNeed[], resources: MatchResource[], o: MatchOptions) {
  // Pairs: the constraints named, and for each need the suggestions with their factors.
  for (const n of needs) {
    for (const r of resources) {
      expect({ label, pair: `${n.id}|${r.id}`, broken: explainPair(n, r, o).map((v) => v.constraint) }).toEqual({ label, pair: `${n.id}|${r.id}`, broken: broken(n, r, o) });
    }
    const expected = resources
      .filter((r) => r.remaining > 0 && mayServe(n, r, o))
      .map((r) => {
        const f = factors(n, r, o);
        return { resourceId: r.id, cost: cost(n, r, o), quantity: Math.min(n.remaining, r.remaining), order: Object.keys(f), factors: f };
      })
      .sort((a, b) => a.cost - b.cost || (a.resourceId < b.resourceId ? -1 : 1));
    const got = suggest(n, resources, o).map((s) => ({
      resourceId: s.resourceId,
      cost: s.cost,
      quantity: s.quantity,
      // Place first, then deadline, alliance, load: the order people read them in.
      order: s.factors.map((f) => f.factor),
      factors: Object.fromEntries(s.factors.map((f) => [f.factor, { cost: f.cost, label: f.label }])),
    }));
    expect({ label, need: n.id, suggestions: got }).toEqual({ label, need: n.id, suggestions: expected });
  }

  // The assignment: allowed pairs, the model's costs, capacities, and the model's optimum.
  const result = assign(needs, resources, o);
  const best = optimum(needs, resources, o);
  const needById = new Map(needs.map((n) => [n.id, n]));
  const resById = new Map(resources.map((r) => [r.id, r]));
  const taken = new Map<string, number>();
  let weight = 0;
  let total = 0;
  for (const a of result.allocations) {
    const n = needById.get(a.needId)!;
    const r = resById.get(a.resourceId)!;
    expect({ label, pair: `${a.needId}|${a.resourceId}`, broken: broken(n, r, o), cost: a.cost }).toEqual({
      label,
      pair: `${a.needId}|${a.resourceId}`,
      broken: [],
      cost: cost(n, r, o),
    });
    expect(Number.isInteger(a.quantity) && a.quantity > 0).toBe(true);
    taken.set(n.id, (taken.get(n.id) ?? 0) + a.quantity);
    taken.set(r.id, (taken.get(r.id) ?? 0) + a.quantity);
    weight += WEIGHT[n.urgency] * a.quantity;
    total += cost(n, r, o) * a.quantity;
  }
  for (const x of [...needs, ...resources]) expect(taken.get(x.id) ?? 0).toBeLessThanOrEqual(x.remaining);
  expect({ label, weight, cost: total }).toEqual({ label, weight: best.weight, cost: best.cost });
  expect({ label, weight: result.weightedServed, cost: result.totalCost }).toEqual({ label, weight: best.weight, cost: best.cost });
  return { served: result.unitsServed > 0, pairs: needs.flatMap((n) => resources.map((r) => broken(n, r, o))) };
}

// ---- Random instances -------------------------------------------------------------

const TODAY = '2026-12-01';
const day = (offset: number) => new Date(Date.UTC(2026, 11, 1 + offset)).toISOString().slice(0, 10);

// Two streets of one county, three communities about 1 km apart, and a far
// county; grid names repeat across communities on purpose.
const COMMUNITIES = [
  { code: '150402001001', lat: 42.25, lng: 118.9 },
  { code: '150402001002', lat: 42.259, lng: 118.9 },
  { code: '150402002001', lat: 42.25, lng: 118.912 },
  { code: '150403001001', lat: 42.7, lng: 119.4 },
];

const placeArb = fc
  .record({
    at: fc.constantFrom(0, 0, 0, 1, 1, 1, 2, 2, 3),
    depth: fc.constantFrom('grid', 'grid', 'community', 'street', 'county'),
    grid: fc.constantFrom('一网格', '二网格'),
    // ±0.004° around the community: a few hundred metres.
    offset: fc.option(fc.tuple(fc.integer({ min: -8, max: 8 }), fc.integer({ min: -8, max: 8 })), { nil: null, freq: 2 }),
  })
  .map(({ at, depth, grid, offset }): Place => {
    const c = COMMUNITIES[at]!;
    return {
      county: c.code.slice(0, 6),
      street: depth === 'county' ? null : c.code.slice(0, 9),
      community: depth === 'county' || depth === 'street' ? null : c.code,
      grid: depth === 'grid' ? grid : null,
      lat: offset === null ? null : c.lat + offset[0] * 0.0005,
      lng: offset === null ? null : c.lng + offset[1] * 0.0005,
    };
  });

const categoryArb = fc.constantFrom('c1', 'c2', 'c3');

const needArb = fc.record({
  allianceId: fc.constantFrom('a1', 'a2'),
  category: categoryArb,
  remaining: fc.integer({ min: 0, max: 3 }),
  urgency: fc.constantFrom<Urgency>(1, 2, 3, 4),
  deadline: fc.integer({ min: -3, max: 25 }).map(day),
  place: placeArb,
});

const resourceArb = fc
  .record({
    allianceId: fc.constantFrom('a1', 'a2'),
    orgId: fc.constantFrom('o1', 'o2', 'o3', 'o4'),
    serves: fc.subarray(['c1', 'c2', 'c3'], { minLength: 1 }),
    remaining: fc.integer({ min: 0, max: 3 }),
    from: fc.option(fc.integer({ min: -5, max: 15 }), { nil: null, freq: 2 }),
    length: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null, freq: 2 }),
    place: placeArb,
    scope: fc.constantFrom<Locality>('grid', 'community', 'street', 'street', 'county', 'county'),
    radiusM: fc.option(fc.constantFrom(0, 400, 900, 1500, 3000, 6000, 30_000, 200_000), { nil: null }),
  })
  .map(({ from, length, ...r }) => ({
    ...r,
    availableFrom: from === null ? null : day(from),
    // A window ends on or after its start (the API refuses the other way round).
    availableTo: length === null ? null : day((from ?? -3) + length),
  }));

const instanceArb = fc
  .record({
    needs: fc.array(needArb, { minLength: 1, maxLength: 4 }),
    resources: fc.array(resourceArb, { minLength: 1, maxLength: 4 }),
    excluded: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 2 }),
    loads: fc.tuple(...['o1', 'o2', 'o3'].map(() => fc.constantFrom(0, 0.1, 0.2, 0.35, 0.4, 0.59, 0.6, 0.79, 0.8, 1))),
  })
  .map(({ needs, resources, excluded, loads }) => {
    const ns: MatchNeed[] = needs.map((n, i) => ({ ...n, id: `n${i}` }));
    const rs: MatchResource[] = resources.map((r, j) => ({ ...r, id: `r${j}` }));
    const options: MatchOptions = {
      today: TODAY,
      excluded: new Set(excluded.map(([i, j]) => `n${i % ns.length}|r${j % rs.length}`)),
      // o4 has no entry: no load.
      orgLoad: new Map(loads.map((l, k) => [`o${k + 1}`, l])),
    };
    return { needs: ns, resources: rs, options };
  });

describe('the engine against an independent statement of the model', () => {
  it('agrees on constraints, suggestions, per-factor costs and the optimum on random tiny instances', () => {
    const seen = { served: 0, category: 0, availability: 0, place: 0, excluded: 0, feasible: 0 };
    fc.assert(
      fc.property(instanceArb, ({ needs, resources, options }) => {
        fc.pre(!nearThreshold(needs, resources));
        const { served, pairs } = compare('fast-check', needs, resources, options);
        if (served) seen.served++;
        for (const b of pairs) {
          if (b.length === 0) seen.feasible++;
          for (const c of b) seen[c]++;
        }
      }),
      { numRuns: 1000, seed: 20261201 },
    );
    // Every constraint must have been both met and broken many times, and many runs must serve something.
    for (const [k, v] of Object.entries(seen)) expect({ k, enough: v > 250 }).toEqual({ k, enough: true });
  }, 120_000);

  it('agrees on the shared fixtures of the brute-force test', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { needs, resources, options } = smallInstance(prng(seed));
      if (nearThreshold(needs, resources)) continue;
      compare(`fixture seed ${seed}`, needs, resources, options);
    }
  }, 120_000);
});

// ---- Hand-made cases, answers worked out by hand -------------------------------

const C1 = '150402001001';
const here = (over: Partial<Place> = {}): Place => ({ county: '150402', street: '150402001', community: C1, grid: '一网格', lat: null, lng: null, ...over });
const otherStreet = (over: Partial<Place> = {}) => here({ street: '150402002', community: '150402002001', ...over });
// Unless a case says otherwise: 一网格 of 150402001001, due in 19 days (20 days
// counting today), alliance a1; the resource in the same grid, scope
// community, open window, offered by o1 with no load.
const need = (over: Partial<MatchNeed> = {}): MatchNeed => ({ id: 'n', allianceId: 'a1', category: 'care', remaining: 2, urgency: 1, deadline: day(19), place: here(), ...over });
const resource = (over: Partial<MatchResource> = {}): MatchResource => ({
  id: 'r',
  allianceId: 'a1',
  orgId: 'o1',
  serves: ['care'],
  remaining: 5,
  availableFrom: null,
  availableTo: null,
  place: here(),
  scope: 'community',
  radiusM: null,
  ...over,
});
const opts: MatchOptions = { today: TODAY };
const rows = (needs: MatchNeed[], resources: MatchResource[], o = opts) => assign(needs, resources, o).allocations.map((a) => [a.needId, a.resourceId, a.quantity, a.cost]);

describe('hand-made cases', () => {
  it('a resource of another street never serves, however urgent the need; a county-wide one does, at 9 + 6', () => {
    const n = need({ urgency: 4, place: otherStreet() });
    const street = resource({ id: 'street', scope: 'street' });
    expect(rows([n], [street])).toEqual([]);
    expect(suggest(n, [street], opts)).toEqual([]);
    // Same county only (9), another alliance (6): 15 per unit, both units.
    const county = resource({ id: 'county', scope: 'county', allianceId: 'a2' });
    expect(rows([n], [street, county])).toEqual([['n', 'county', 2, 15]]);
    const r = assign([n], [street, county], opts);
    expect([r.weightedServed, r.totalCost]).toEqual([2 * 8, 2 * 15]);
  });

  it('a grid is a grid of its community: 一网格 of the neighbouring community is only the same street (5)', () => {
    const n = need({ place: here({ community: '150402001002' }) });
    expect(rows([n], [resource({ scope: 'grid' })])).toEqual([]);
    expect(rows([n], [resource({ scope: 'community' })])).toEqual([]);
    expect(rows([n], [resource({ scope: 'street' })])).toEqual([['n', 'r', 2, 5]]);
  });

  it('a need without a community is outside a community-wide resource, inside a street-wide one (5)', () => {
    const n = need({ place: here({ community: null, grid: null }) });
    expect(rows([n], [resource({ scope: 'community' })])).toEqual([]);
    expect(rows([n], [resource({ scope: 'street' })])).toEqual([['n', 'r', 2, 5]]);
  });

  it('with coordinates and a radius, distance decides: 800 m across a street boundary serves, 2.2 km in the same grid does not', () => {
    // 0.0072° of latitude ≈ 800.6 m (111,195 m per degree): band ≤ 1 km, cost 1.
    const r = resource({ place: here({ lat: 42.25, lng: 118.9 }), radiusM: 1000, scope: 'grid' });
    const near = need({ place: otherStreet({ lat: 42.2572, lng: 118.9 }) });
    expect(rows([near], [r])).toEqual([['n', 'r', 2, 1]]);
    expect(suggest(near, [r], opts)[0]!.factors[0]).toEqual({ factor: 'distance', cost: 1, label: '距离约 800 米' });
    // 0.02° ≈ 2,224 m > 2,000 m although the need is in the resource's own grid.
    const far = need({ place: here({ lat: 42.27, lng: 118.9 }) });
    expect(rows([far], [resource({ place: here({ lat: 42.25, lng: 118.9 }), radiusM: 2000 })])).toEqual([]);
  });

  it('availability: a window that ends before the deadline still serves, at the bands it loses; one that ended, or starts after the deadline, does not', () => {
    // Due in 19 days: 20 days (band 0). Available today..day 2: 3 days (band 3): 2 × 3 = 6.
    const short = resource({ id: 'short', availableTo: day(2) });
    expect(suggest(need(), [short], opts)[0]!.factors.find((f) => f.factor === 'deadline')).toEqual({
      factor: 'deadline',
      cost: 6,
      label: '资源可用期覆盖截止日前 3 天（需求尚余 20 天）',
    });
    expect(rows([need()], [short])).toEqual([['n', 'short', 2, 6]]);
    // The same community's other grid, open throughout: 2 < 6, so it wins.
    const open = resource({ id: 'open', place: here({ grid: '二网格' }) });
    expect(rows([need()], [short, open])).toEqual([['n', 'open', 2, 2]]);
    // Only the deadline day itself: 1 day, band 4: 8.
    expect(rows([need()], [resource({ availableFrom: day(19) })])).toEqual([['n', 'r', 2, 8]]);
    expect(rows([need()], [resource({ availableFrom: day(20) })])).toEqual([]);
    expect(rows([need()], [resource({ availableTo: day(-1) })])).toEqual([]);
    // Overdue: due today, one day, and a resource available from today covers it all (0).
    expect(rows([need({ deadline: day(-3) })], [resource({ availableFrom: TODAY })])).toEqual([['n', 'r', 2, 0]]);
    expect(rows([need({ deadline: day(-3) })], [resource({ availableFrom: day(1) })])).toEqual([]);
  });

  it('urgency before cost: one contested unit goes to the 特急 need 15 away, not the ordinary need next door', () => {
    const calm = need({ id: 'calm', remaining: 1 });
    const urgent = need({ id: 'urgent', remaining: 1, urgency: 4, allianceId: 'a2', place: otherStreet() });
    const r = assign([calm, urgent], [resource({ remaining: 1, scope: 'county' })], opts);
    expect(r.allocations.map((a) => [a.needId, a.quantity, a.cost])).toEqual([['urgent', 1, 15]]);
    expect([r.weightedServed, r.totalCost]).toEqual([8, 15]);
  });

  it('same weight: the cheaper pair wins (same grid 0 against another street 9)', () => {
    const x = need({ id: 'x', remaining: 1, urgency: 2 });
    const y = need({ id: 'y', remaining: 1, urgency: 2, place: otherStreet() });
    expect(rows([x, y], [resource({ remaining: 1, scope: 'county' })])).toEqual([['x', 'r', 1, 0]]);
  });

  it('load: 35 % costs 1, 80 % costs 4; three units take the free one first', () => {
    const o = { ...opts, orgLoad: new Map([['o1', 0.35], ['o2', 0.8]]) };
    const a = resource({ id: 'a', orgId: 'o1', remaining: 2 });
    const b = resource({ id: 'b', orgId: 'o2', remaining: 2 });
    expect(rows([need({ remaining: 3 })], [a, b], o)).toEqual([
      ['n', 'a', 2, 1],
      ['n', 'b', 1, 4],
    ]);
  });

  it('a pair people rejected is not used; the other resource is', () => {
    const o = { ...opts, excluded: new Set(['n|r']) };
    expect(rows([need()], [resource(), resource({ id: 's', remaining: 1 })], o)).toEqual([['n', 's', 1, 0]]);
  });
});

// ---- Categories and units, through the rows → engine translation (ADR 0009) -----

/** A resource of category c serves needs of c and of what c lists in also_serves (not transitively), counted in the same unit. */
function categoryFits(needCat: string, needUnit: string, resCat: string, resUnit: string, cats: Map<string, string[]>): boolean {
  return needUnit === resUnit && (needCat === resCat || (cats.get(resCat) ?? []).includes(needCat));
}

const ctx = { tenant: { code: '150402' } } as unknown as Ctx;
const category = (id: string, alsoServes: string[]): ListCategory => ({ id, name: id, alsoServes, sortOrder: 0, active: true, version: 1, createdAt: 0, updatedAt: 0 });
function needRow(categoryId: string, unit: string): Need {
  return {
    id: 'n',
    allianceId: 'a1',
    categoryId,
    unit,
    quantity: 2,
    committedQty: 0,
    inDeliveryQty: 0,
    fulfilledQty: 0,
    urgency: 3,
    deadline: day(19),
    streetCode: '150402001',
    communityCode: C1,
    gridName: '一网格',
    lat: null,
    lng: null,
  } as Need;
}
function resourceRow(categoryId: string, unit: string): Resource {
  return {
    id: 'r',
    allianceId: 'a1',
    offeringOrgId: 'o1',
    categoryId,
    unit,
    capacity: 5,
    allocatedQty: 1,
    availableFrom: null,
    availableTo: null,
    streetCode: '150402001',
    communityCode: C1,
    gridName: '一网格',
    lat: null,
    lng: null,
    scope: 'community',
    radiusM: null,
  } as Resource;
}
function served(need: Need, res: Resource, cats: ListCategory[]) {
  const table = new Map(cats.map((c) => [c.id, c]));
  return rowsOf(toMatchNeed(ctx, need), toMatchResource(ctx, res, table));
}
const rowsOf = (n: MatchNeed, r: MatchResource) => assign([n], [r], opts).allocations.map((a) => [a.quantity, a.cost]);

describe('categories and units (also_serves)', () => {
  const cats = [category('venue', ['culture', 'training']), category('culture', []), category('training', ['elderly']), category('elderly', [])];

  it('hand-made: own category, also_serves one way only, not transitively, and only in the same unit', () => {
    // Same category, same unit: both units, same grid, capacity 5 − 1 allocated.
    expect(served(needRow('culture', '场'), resourceRow('culture', '场'), cats)).toEqual([[2, 0]]);
    // 场地 also serves 文化活动 …
    expect(served(needRow('culture', '场'), resourceRow('venue', '场'), cats)).toEqual([[2, 0]]);
    // … but a 文化活动 resource does not serve a 场地 need.
    expect(served(needRow('venue', '场'), resourceRow('culture', '场'), cats)).toEqual([]);
    // venue → training → elderly: a venue does not serve elderly care.
    expect(served(needRow('elderly', '场'), resourceRow('venue', '场'), cats)).toEqual([]);
    // Counted in another unit: no match even in the same category.
    expect(served(needRow('culture', '场'), resourceRow('culture', '人次'), cats)).toEqual([]);
    expect(served(needRow('culture', '场'), resourceRow('venue', '人次'), cats)).toEqual([]);
    // Quantity: what the need still wants against what the resource still has.
    expect(toMatchResource(ctx, resourceRow('venue', '场'), new Map(cats.map((c) => [c.id, c]))).remaining).toBe(4);
  });

  it('random taxonomies: the engine serves a pair exactly when the model says the category and unit fit', () => {
    const ids = ['k1', 'k2', 'k3', 'k4'];
    fc.assert(
      fc.property(
        fc.tuple(...ids.map(() => fc.subarray(ids))),
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        fc.constantFrom('场', '人次'),
        fc.constantFrom('场', '人次'),
        (also, needCat, resCat, needUnit, resUnit) => {
          // A category never lists itself (the API refuses it).
          const table = ids.map((id, k) => category(id, also[k]!.filter((x) => x !== id)));
          const model = categoryFits(needCat, needUnit, resCat, resUnit, new Map(table.map((c) => [c.id, c.alsoServes])));
          expect(served(needRow(needCat, needUnit), resourceRow(resCat, resUnit), table)).toEqual(model ? [[2, 0]] : []);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});
