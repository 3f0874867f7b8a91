import { describe, expect, it } from 'vitest';
import { assign, MatchingInputError } from './index.ts';
import { TODAY, day, matchNeed, matchResource, place } from './test-fixtures.ts';
import type { MatchNeed, MatchResource } from './types.ts';

// `assign` around the network (ADR 0008): rejected pairs isolate their rows,
// categories linked by no resource are solved as separate components, hub
// flows are paired with resources in class order, and the sizes it reports
// (`stats`) are those of the networks it built. Costs are ADR 0008's bands:
// same grid 0 / community 2 / street 5; another alliance 6; an open window
// and no load add nothing.

const need = (over: Partial<MatchNeed> = {}): MatchNeed => matchNeed({ remaining: 1, ...over });
const resource = (over: Partial<MatchResource> = {}): MatchResource => matchResource({ remaining: 1, scope: 'grid', ...over });
/** Same community, another grid, scope community: cost 2. */
const communityAway = place({ grid: '二网格' });

describe('components', () => {
  it('two categories no resource links are two networks; their sizes add up', () => {
    // Each component by hand: S, T, 1 need class, 1 resource class, 1 hub
    // (grid/a1; the need skips grid/any, whose only resource is of its own
    // alliance), 4 level nodes = 9 nodes; edges: resource → sink, hub →
    // resource, need → hub, 4 source → level, 1 level → need = 8.
    const r = assign(
      [need({ id: 'n-care', remaining: 2 }), need({ id: 'n-food', category: 'food' })],
      [resource({ id: 'r-care', remaining: 2 }), resource({ id: 'r-food', serves: ['food'] })],
      { today: TODAY },
    );
    expect(r.allocations).toEqual([
      { needId: 'n-care', resourceId: 'r-care', quantity: 2, cost: 0 },
      { needId: 'n-food', resourceId: 'r-food', quantity: 1, cost: 0 },
    ]);
    const { rounds, augmentations, ...sizes } = r.stats;
    expect(sizes).toEqual({ needs: 2, resources: 2, needClasses: 2, resourceClasses: 2, hubs: 2, nodes: 18, edges: 16, directEdges: 0 });
  });

  it('a resource serving two categories joins them into one network, and a need of a category nobody serves is counted but enters no hub', () => {
    // One component {care, food} (r-both serves both, linked through find());
    // n-toys is its own component with no resource.
    // Component 1: S, T, 2 need classes, 1 resource class, hubs care·grid/a1
    // and food·grid/a1 (the "any" ones hold only the needs' own alliance),
    // 4 level nodes = 11 nodes; edges: 1 + 2 hub → resource + 2 need → hub + 4 + 2 = 11.
    // Component 2: S, T, 1 need class, 4 level nodes = 7 nodes, 4 + 1 = 5 edges.
    const r = assign(
      [need({ id: 'n-care' }), need({ id: 'n-food', category: 'food' }), need({ id: 'n-toys', category: 'toys' })],
      [resource({ id: 'r-both', serves: ['food', 'care'], remaining: 2 })],
      { today: TODAY },
    );
    expect(r.allocations).toEqual([
      { needId: 'n-care', resourceId: 'r-both', quantity: 1, cost: 0 },
      { needId: 'n-food', resourceId: 'r-both', quantity: 1, cost: 0 },
    ]);
    const { rounds, augmentations, ...sizes } = r.stats;
    expect(sizes).toEqual({ needs: 3, resources: 1, needClasses: 3, resourceClasses: 1, hubs: 2, nodes: 18, edges: 16, directEdges: 0 });
  });

  it('a resource on its last day is still used', () => {
    // Need due today (1-day window, band 4), resource covering that day (band 4): deadline cost 0.
    const r = assign([need({ deadline: TODAY })], [resource({ availableTo: TODAY })], { today: TODAY });
    expect(r.allocations).toEqual([{ needId: 'n1', resourceId: 'r1', quantity: 1, cost: 0 }]);
  });

  it('each category nobody serves is a component of its own', () => {
    // Two networks of S, T, 1 need class, 4 level nodes (7 nodes, 5 edges each).
    const r = assign([need({ id: 'n-toys', category: 'toys' }), need({ id: 'n-books', category: 'books' })], [], { today: TODAY });
    const { rounds, augmentations, ...sizes } = r.stats;
    expect(sizes).toEqual({ needs: 2, resources: 0, needClasses: 2, resourceClasses: 0, hubs: 0, nodes: 14, edges: 10, directEdges: 0 });
  });

  it('a category only a resource serves links nothing by itself', () => {
    // r-1 serves zzz (no need) and care, r-2 yyy (no need) and food: still
    // two components, 9 nodes and 8 edges each (as in the first test).
    const r = assign(
      [need({ id: 'n-care' }), need({ id: 'n-food', category: 'food' })],
      [resource({ id: 'r-1', serves: ['zzz', 'care'] }), resource({ id: 'r-2', serves: ['yyy', 'food'] })],
      { today: TODAY },
    );
    expect(r.allocations.map((a) => `${a.needId}<${a.resourceId}`)).toEqual(['n-care<r-1', 'n-food<r-2']);
    const { rounds, augmentations, ...sizes } = r.stats;
    expect(sizes).toEqual({ needs: 2, resources: 2, needClasses: 2, resourceClasses: 2, hubs: 2, nodes: 18, edges: 16, directEdges: 0 });
  });

  it('resources that outlast every need are one class, whatever their last day', () => {
    // Last need due day 10; resources to day 30 and day 40: both end "after
    // every need", one class, one open hub (grid/a1; grid/any is skipped).
    const r = assign([need({ deadline: day(10), remaining: 2 })], [resource({ id: 'r-30', availableTo: day(30) }), resource({ id: 'r-40', availableTo: day(40) })], {
      today: TODAY,
    });
    expect([r.stats.resourceClasses, r.stats.hubs, r.unitsServed, r.totalCost]).toEqual([1, 1, 2, 0]);
  });

  it('needs met by nothing and resources of no open need still count in needs and resources, and closed rows do not', () => {
    const r = assign(
      [need({ id: 'open' }), need({ id: 'done', remaining: 0 })],
      [resource({ id: 'other', serves: ['food'] }), resource({ id: 'empty', remaining: 0 }), resource({ id: 'ended', availableTo: day(-1) })],
      { today: TODAY },
    );
    expect(r.allocations).toEqual([]);
    expect([r.stats.needs, r.stats.resources]).toEqual([1, 1]);
  });
});

describe('rejected pairs', () => {
  it('an id with "|" in it is split where both halves name rows of this run', () => {
    // Rejected 'a|b' + 'c': the need 'a|b' may not use 'c' (same grid, 0)
    // and takes 'd' (same community, 2) by a direct edge.
    const r = assign(
      [need({ id: 'a|b' })],
      [resource({ id: 'c' }), resource({ id: 'd', place: communityAway, scope: 'community' })],
      { today: TODAY, excluded: new Set(['a|b|c']) },
    );
    expect(r.allocations).toEqual([{ needId: 'a|b', resourceId: 'd', quantity: 1, cost: 2 }]);
    expect(r.stats.directEdges).toBe(1);
    expect(r.stats.hubs).toBe(0);
  });

  it('a rejected pair naming rows that are not open isolates nothing', () => {
    // 'gone' is not in the run and 'n1+r1' has no '|', so 'n1' stays in the
    // hubs: 1 hub (grid/a1), no direct edge.
    const r = assign([need()], [resource()], { today: TODAY, excluded: new Set(['n1|gone', 'gone|r1', 'n1+r1']) });
    expect(r.allocations).toEqual([{ needId: 'n1', resourceId: 'r1', quantity: 1, cost: 0 }]);
    expect([r.stats.hubs, r.stats.directEdges]).toEqual([1, 0]);
  });
});

describe('pairing at a hub and disaggregation', () => {
  it('units through a shared hub go to needs and come from resources in class order (due, urgency, id; resources by id)', () => {
    // Three needs and two resources, all the same grid: every pair costs 0,
    // so the optimum is any pairing; the engine fixes one, north-west corner:
    // needs by (due, urgency desc, id): n-b (due 5), n-c (due 9, urgency 3),
    // n-a (due 9, urgency 1); resources by id: r-1 (2 units), r-2 (3 units).
    // All needs are one hub's inflows (due dates do not matter to open
    // resources). n-b 2 ← r-1 2; n-c 1 ← r-2; n-a 2 ← r-2.
    const r = assign(
      [
        need({ id: 'n-a', remaining: 2, deadline: day(9) }),
        need({ id: 'n-b', remaining: 2, deadline: day(5) }),
        need({ id: 'n-c', remaining: 1, deadline: day(9), urgency: 3 }),
      ],
      [resource({ id: 'r-2', remaining: 3 }), resource({ id: 'r-1', remaining: 2 })],
      { today: TODAY },
    );
    expect(r.allocations).toEqual([
      { needId: 'n-a', resourceId: 'r-2', quantity: 2, cost: 0 },
      { needId: 'n-b', resourceId: 'r-1', quantity: 2, cost: 0 },
      { needId: 'n-c', resourceId: 'r-2', quantity: 1, cost: 0 },
    ]);
    expect([r.unitsServed, r.weightedServed, r.totalCost]).toEqual([5, 2 + 2 + 4, 0]);
  });

  it('members of one class share its units in order: a need class split over two resource classes, a resource class over two needs', () => {
    // n-1, n-2 are one class (same profile), 2 units each; r-1, r-2 one class, 3 units each.
    // 4 units from 6: n-1 2 ← r-1; n-2 1 ← r-1, 1 ← r-2.
    const r = assign(
      [need({ id: 'n-2', remaining: 2 }), need({ id: 'n-1', remaining: 2 })],
      [resource({ id: 'r-2', remaining: 3 }), resource({ id: 'r-1', remaining: 3 })],
      { today: TODAY },
    );
    expect(r.allocations).toEqual([
      { needId: 'n-1', resourceId: 'r-1', quantity: 2, cost: 0 },
      { needId: 'n-2', resourceId: 'r-1', quantity: 1, cost: 0 },
      { needId: 'n-2', resourceId: 'r-2', quantity: 1, cost: 0 },
    ]);
    expect([r.stats.needClasses, r.stats.resourceClasses]).toEqual([1, 1]);
  });
});

describe('disaggregation order', () => {
  it('a need class takes its class pairs in resource class order, direct or through a hub', () => {
    // n-1, n-2: one class (same place and coordinates), 2 units each. r-a
    // (1 unit, class 0) has no radius: same grid, cost 0, through a hub. r-b
    // (3 units, class 1) has a 1 km radius at the needs' very point: cost 0,
    // a direct edge. All 4 units are served; class pair (0, r-a) first:
    // n-1 ← r-a 1, then (0, r-b): n-1 ← r-b 1, n-2 ← r-b 2.
    const here = place({ lat: 42, lng: 118.9 });
    const r = assign(
      [need({ id: 'n-1', remaining: 2, place: here }), need({ id: 'n-2', remaining: 2, place: here })],
      [resource({ id: 'r-a', place: here }), resource({ id: 'r-b', remaining: 3, place: here, radiusM: 1000 })],
      { today: TODAY },
    );
    expect(r.allocations).toEqual([
      { needId: 'n-1', resourceId: 'r-a', quantity: 1, cost: 0 },
      { needId: 'n-1', resourceId: 'r-b', quantity: 1, cost: 0 },
      { needId: 'n-2', resourceId: 'r-b', quantity: 2, cost: 0 },
    ]);
    expect([r.stats.needClasses, r.stats.resourceClasses, r.stats.directEdges]).toEqual([1, 2, 1]);
  });
});

describe('instance size guard', () => {
  it('refuses units so many that the solver\'s sums would leave the safe integers', () => {
    // One pair across alliances: 9 nodes (S, T, 2 classes, the grid/any hub,
    // 4 level nodes), largest edge cost 6 (the "any alliance" entry). The
    // guard: 6 × (9 + 1) × max(units, 9) × 64 ≥ 2^53 − 1, i.e. units ≥
    // 2.3456e12: 2.4e12 is refused, 2.3e12 is solved.
    const big = (units: number) => () => assign([need({ remaining: units, allianceId: 'a2' })], [resource({ remaining: units })], { today: TODAY });
    expect(big(2.4e12)).toThrow(MatchingInputError);
    expect(big(2.4e12)).toThrow(/^needs: 实例过大/);
    expect(big(2.3e12)().unitsServed).toBe(2.3e12);
  });
});
