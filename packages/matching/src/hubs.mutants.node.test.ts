import { describe, expect, it, vi } from 'vitest';
import { needClasses, resourceClasses, type NeedClass } from './classes.ts';
import { buildNetwork, type ClassNetwork } from './network.ts';
import { prepareAll } from './prepare.ts';
import { TODAY, day, matchNeed, matchResource, place } from './test-fixtures.ts';
import type { MatchNeed, MatchOptions, MatchResource } from './types.ts';

// The class network's shape (ADR 0008, "Hubs instead of pairs"), pinned edge
// by edge on instances small enough to draw by hand. The network's edges are
// not readable from the flow package, so its `createNetwork` is wrapped to
// record every edge as it is added; the solver is not involved.
//
// Node ids follow buildNetwork's order: source 0, sink 1, the need classes,
// the resource classes, the hubs, then one node per urgency level (4, 3, 2, 1).
// Costs are ADR 0008's bands: same grid 0 / community 2 / street 5 / county 9;
// another alliance 6; deadline 2 × the tightness bands lost; load in fifths.

const recorded = vi.hoisted(() => ({ edges: [] as [number, number, number, number][] }));
vi.mock('@ronghe/flow', async (importOriginal) => {
  const flow = await importOriginal<typeof import('@ronghe/flow')>();
  return {
    ...flow,
    createNetwork: (nodeCount?: number) => {
      const net = flow.createNetwork(nodeCount);
      const addEdge = net.addEdge;
      recorded.edges = [];
      net.addEdge = (from, to, cap, cost) => {
        recorded.edges.push([from, to, cap, cost]);
        return addEdge(from, to, cap, cost);
      };
      return net;
    },
  };
});

const need = matchNeed;
const resource = (over: Partial<MatchResource> = {}): MatchResource => matchResource({ remaining: 3, scope: 'grid', ...over });

/**
 * Per hub: incoming edges with their need class and outgoing edges with their
 * resource class, flat [edge, class, edge, class, …], read back from the
 * builder's ranges (a hub's inflows are found by scanning every need class's).
 */
function hubLists(built: ClassNetwork): { ins: number[]; outs: number[] }[] {
  const hubs = Array.from({ length: built.hubCount }, () => ({ ins: [] as number[], outs: [] as number[] }));
  for (let h = 0; h < built.hubCount; h++) {
    for (let e = built.hubOutStart[h]!; e < built.hubOutStart[h + 1]!; e++) hubs[h]!.outs.push(e, built.outClass[e - built.hubOutStart[0]!]!);
  }
  for (let i = 0; i + 1 < built.needInStart.length; i++) {
    for (let e = built.needInStart[i]!; e < built.needInStart[i + 1]!; e++) hubs[built.inHub[e - built.needInStart[0]!]!]!.ins.push(e, i);
  }
  return hubs;
}

/** Builds the network of these rows as assign does (classes in the given order, no isolation unless `excluded`). */
function build(needs: MatchNeed[], resources: MatchResource[], options: MatchOptions = { today: TODAY }) {
  const p = prepareAll(needs, resources, options);
  const isolatedNeeds = new Set<string>();
  const isolatedResources = new Set<string>();
  for (const key of p.options.excluded) {
    const [n, r] = key.split('|');
    isolatedNeeds.add(n!);
    isolatedResources.add(r!);
  }
  const lastDue = p.needs.reduce((m, n) => Math.max(m, n.due), p.options.today);
  const ncs = needClasses(p.needs, isolatedNeeds);
  const rcs = resourceClasses(p.resources, isolatedResources, p.options.today, lastDue);
  const built = buildNetwork(ncs, rcs, p.options, (nc: NeedClass) => nc.rep.need.urgency);
  const N = ncs.length;
  const R = rcs.length;
  const H = built.hubCount;
  const name = (v: number): string => {
    if (v === 0) return 'S';
    if (v === 1) return 'T';
    if (v < 2 + N) return `n${v - 2}`;
    if (v < 2 + N + R) return `r${v - 2 - N}`;
    if (v < 2 + N + R + H) return `h${v - 2 - N - R}`;
    return `L${4 - (v - 2 - N - R - H)}`;
  };
  const edges = recorded.edges.map(([f, t, cap, cost]) => `${name(f)}>${name(t)} ${cap}/${cost}`);
  return { built, edges, ncs, rcs, nodes: built.net.nodeCount };
}

/** The source side every network ends with: S → level node (units of that urgency) → need class. */
const sourceSide = (units: Record<4 | 3 | 2 | 1, number>, needs: string[]) => [
  `S>L4 ${units[4]}/0`,
  `S>L3 ${units[3]}/0`,
  `S>L2 ${units[2]}/0`,
  `S>L1 ${units[1]}/0`,
  ...needs,
];

describe('hubs of a locality pair', () => {
  it('an open resource hangs off one date-free hub per unit up to its scope and per alliance (own, any); the need enters each at its locality + alliance cost, skipping "any" hubs that hold only its own alliance', () => {
    // r1: open window, scope community, same grid as n1. Hub bases (category
    // care, no-coordinates flavour): grid/a1, grid/any, community/a1,
    // community/any, created in that order. n1 enters grid/a1 at 0 and
    // community/a1 at 2; grid/any (0 + 6) and community/any (2 + 6) hold only
    // r1, of n1's own alliance, which n1 reaches for 6 less through the a1
    // hubs, so it skips them and they get no hub.
    const { built, edges, nodes } = build([need({ urgency: 2 })], [resource({ scope: 'community' })]);
    expect(edges).toEqual([
      'r0>T 3/0',
      'h0>r0 3/0',
      'h1>r0 3/0',
      'n0>h0 2/0',
      'n0>h1 2/2',
      ...sourceSide({ 4: 0, 3: 0, 2: 2, 1: 0 }, ['L2>n0 2/0']),
    ]);
    expect(hubLists(built)).toEqual([
      { ins: [3, 0], outs: [1, 0] },
      { ins: [4, 0], outs: [2, 0] },
    ]);
    expect(Array.from(built.direct)).toEqual([]);
    expect(built.maxArcCost).toBe(2);
    expect(built.resourceEdge).toEqual([0]);
    expect(built.priority).toEqual([5, 6, 7, 8]);
    expect(built.needEdge).toEqual([9]);
    // S, T, one need class, one resource class, 2 hubs, 4 level nodes.
    expect(nodes).toBe(10);
  });

  it('an "any alliance" hub with another alliance\'s resource is entered by the needs of both alliances, and by a need whose alliance has no resource at all', () => {
    // ra (r0) of a1 and rb (r1) of a2, both open, scope grid, same grid.
    // Bases in order: grid/a1, grid/any, grid/a2 (no-coordinates flavour).
    // n0 (a1) enters grid/a1 at 0 and grid/any at 6 (rb is another
    // alliance's); n1 (a3, no resource anywhere) enters grid/any at 6 only.
    // grid/a2 has no need entering: no hub.
    const { built, edges } = build(
      [need({ id: 'n-a1', remaining: 1 }), need({ id: 'n-a3', allianceId: 'a3', remaining: 1 })],
      [resource({ id: 'ra' }), resource({ id: 'rb', allianceId: 'a2' })],
    );
    expect(edges).toEqual([
      'r0>T 3/0',
      'r1>T 3/0',
      'h0>r0 3/0',
      'h1>r0 3/0',
      'h1>r1 3/0',
      'n0>h0 1/0',
      'n0>h1 1/6',
      'n1>h1 1/6',
      ...sourceSide({ 4: 0, 3: 0, 2: 0, 1: 2 }, ['L1>n0 1/0', 'L1>n1 1/0']),
    ]);
    expect(hubLists(built)).toEqual([
      { ins: [5, 0], outs: [2, 0] },
      { ins: [6, 0, 7, 1], outs: [3, 0, 4, 1] },
    ]);
  });
});

describe('dated hubs', () => {
  it('windowed resources get one hub per due-date profile; due dates they do not tell apart share it; a resource that starts after a due date has no edge from it', () => {
    // Today is day 0; every row in the same grid, scope grid, alliance a1.
    // rA (r0) available through day 5, rB (r1) from day 3 on: both windowed.
    // lastDue 12, so rA ends at 5 and rB is open-ended (start 3).
    // Deadline cost = 2 × (tightness(covered) − tightness(window)), window
    // = due − today + 1, covered = min(to, due) − max(from, today) + 1:
    //   due  2: window 3 (band 3). rA covers 3 (3) → 0; rB starts after → none.
    //   due 10: window 11 (band 1). rA covers 6 (2) → 2; rB covers 8 (1) → 0.
    //   due 12: window 13 (band 1). rA covers 6 (2) → 2; rB covers 10 (1) → 0.
    // Dues 10 and 12 have the same profile (2, 0): one hub. Only grid/a1 has
    // hubs (the coordinates flavour has no need entering; grid/any holds only
    // the needs' own alliance, so they skip it).
    const { built, edges } = build(
      [
        need({ id: 'nx', deadline: day(2), remaining: 1 }),
        need({ id: 'ny', deadline: day(10), remaining: 1 }),
        need({ id: 'nz', deadline: day(12), remaining: 1 }),
      ],
      [resource({ id: 'ra', availableTo: day(5), remaining: 3 }), resource({ id: 'rb', availableFrom: day(3), remaining: 4 })],
    );
    expect(edges).toEqual([
      'r0>T 3/0',
      'r1>T 4/0',
      'h0>r0 3/0',
      'h1>r0 3/2',
      'h1>r1 4/0',
      'n0>h0 1/0',
      'n1>h1 1/0',
      'n2>h1 1/0',
      ...sourceSide({ 4: 0, 3: 0, 2: 0, 1: 3 }, ['L1>n0 1/0', 'L1>n1 1/0', 'L1>n2 1/0']),
    ]);
    expect(hubLists(built)).toEqual([
      { ins: [5, 0], outs: [2, 0] },
      { ins: [6, 1, 7, 2], outs: [3, 0, 4, 1] },
    ]);
    expect(built.maxArcCost).toBe(2);
  });

  it('a due date no windowed resource can meet gets no hub, and an open resource beside windowed ones keeps its date-free hub', () => {
    // rA (r0) from day 5 on (windowed, start 5), rO (r1) open. n0 due day 2:
    // rA cannot start by then, so grid/a1 has only the open hub, n0 enters
    // it at 0 (grid/any holds only a1's resources: skipped).
    const { built, edges } = build(
      [need({ deadline: day(2), remaining: 1 })],
      [resource({ id: 'ra', availableFrom: day(5) }), resource({ id: 'ro', remaining: 2 })],
    );
    expect(edges).toEqual([
      'r0>T 3/0',
      'r1>T 2/0',
      'h0>r1 2/0',
      'n0>h0 1/0',
      ...sourceSide({ 4: 0, 3: 0, 2: 0, 1: 1 }, ['L1>n0 1/0']),
    ]);
    expect(built.hubCount).toBe(1);
  });
});

describe('open and windowed resources in one base', () => {
  it('an open resource hangs off one date-free hub, not off every dated hub of its windowed neighbours', () => {
    // rA (r0) through day 5, rO (r1) open; nx (n0) due day 2, ny (n1) due
    // day 10. rA's deadline cost: due 2 → 0 (covers all 3 days), due 10 → 2
    // (6 of 11 days: band 2 against band 1). In grid/a1 (grid/any is
    // skipped): the open hub with rO, then one dated hub per due date with rA.
    const { built, edges } = build(
      [need({ id: 'nx', deadline: day(2), remaining: 1 }), need({ id: 'ny', deadline: day(10), remaining: 1 })],
      [resource({ id: 'ra', availableTo: day(5) }), resource({ id: 'ro', remaining: 2 })],
    );
    expect(edges).toEqual([
      'r0>T 3/0',
      'r1>T 2/0',
      'h0>r1 2/0',
      'h1>r0 3/0',
      'h2>r0 3/2',
      'n0>h0 1/0',
      'n0>h1 1/0',
      'n1>h0 1/0',
      'n1>h2 1/0',
      ...sourceSide({ 4: 0, 3: 0, 2: 0, 1: 2 }, ['L1>n0 1/0', 'L1>n1 1/0']),
    ]);
    expect(built.hubCount).toBe(3);
  });
});

describe('direct edges', () => {
  it('a resource judged by distance stays off the hubs of needs with coordinates and meets them by a direct edge; a need without coordinates still reaches it by locality', () => {
    // r0 at 42.00° N with a 2 km radius, scope grid. nq (n0) 0.01° north
    // (≈ 1.11 km: band 2 km → 2) meets it directly, capacity min(1, 3).
    // np (n1) has no coordinates: same grid, hub grid/a1 (0; grid/any skipped).
    // Distance resources register the no-coordinates flavour only.
    const { built, edges } = build(
      [
        need({ id: 'nq', remaining: 1, place: place({ lat: 42.01, lng: 118.9 }) }),
        need({ id: 'np', remaining: 2, urgency: 4 }),
      ],
      [resource({ place: place({ lat: 42, lng: 118.9 }), radiusM: 2000 })],
    );
    expect(edges).toEqual([
      'r0>T 3/0',
      'h0>r0 3/0',
      'n1>h0 2/0',
      'n0>r0 1/2',
      ...sourceSide({ 4: 2, 3: 0, 2: 0, 1: 1 }, ['L1>n0 1/0', 'L4>n1 2/0']),
    ]);
    expect(Array.from(built.direct)).toEqual([3, 0, 0]);
    expect(built.maxArcCost).toBe(2);
  });

  it('a need in a rejected pair is its own class with direct edges to every other feasible resource, net of the load the resource edge carries', () => {
    // n1 | r1 rejected: n1 and r1 become classes of their own. n1 (n0) gets a
    // direct edge to r2 only: same grid 0, load 0.5 → band 2 sits on r2's
    // sink edge, so the direct edge costs 0. n2 (n1), same profile as n1 but
    // not rejected, enters the grid/a1 hub, where r1 and r2 both hang.
    const { built, edges } = build(
      [need({ id: 'n1', remaining: 1 }), need({ id: 'n2', remaining: 1 })],
      [resource({ id: 'r1' }), resource({ id: 'r2', orgId: 'o2', remaining: 2 })],
      { today: TODAY, excluded: new Set(['n1|r1']), orgLoad: new Map([['o2', 0.5]]) },
    );
    expect(edges).toEqual([
      'r0>T 3/0',
      'r1>T 2/2',
      'h0>r0 3/0',
      'h0>r1 2/0',
      'n1>h0 1/0',
      'n0>r1 1/0',
      ...sourceSide({ 4: 0, 3: 0, 2: 0, 1: 2 }, ['L1>n0 1/0', 'L1>n1 1/0']),
    ]);
    expect(Array.from(built.direct)).toEqual([5, 0, 1]);
  });
});

describe('hub entries', () => {
  it('a need enters only the levels it has and the "any alliance" hubs when no resource is of its alliance; a category nobody serves enters none', () => {
    // r0: alliance a1, scope street, community 150402001001 without a grid.
    // n0: alliance a2, same community, no grid → community/any (2 + 6) and
    // street/any (5 + 6). n1: category nobody serves → no entry at all.
    // Bases in order: community/a1, community/any, street/a1, street/any
    // (× two flavours, only the no-coordinates one gets hubs).
    const noGrid = place({ grid: null });
    const { built, edges } = build(
      [need({ id: 'n0', allianceId: 'a2', remaining: 1, place: noGrid }), need({ id: 'n1', category: 'food', remaining: 1 })],
      [resource({ scope: 'street', place: noGrid })],
    );
    expect(edges).toEqual([
      'r0>T 3/0',
      'h0>r0 3/0',
      'h1>r0 3/0',
      'n0>h0 1/8',
      'n0>h1 1/11',
      ...sourceSide({ 4: 0, 3: 0, 2: 0, 1: 2 }, ['L1>n0 1/0', 'L1>n1 1/0']),
    ]);
    expect(built.maxArcCost).toBe(11);
  });
});

describe('order of hubs and direct edges', () => {
  it('a resource serving several categories builds its hubs category by category in sorted order, whatever order it lists them in', () => {
    // Hubs: care·grid/a1 (h0), food·grid/a1 (h1); the "any" bases hold only a1's resource.
    const { edges } = build(
      [need({ id: 'n-food', category: 'food', remaining: 1 }), need({ id: 'n-care', remaining: 1 })],
      [resource({ serves: ['food', 'care'], remaining: 2 })],
    );
    expect(edges).toEqual([
      'r0>T 2/0',
      'h0>r0 2/0',
      'h1>r0 2/0',
      'n0>h1 1/0',
      'n1>h0 1/0',
      ...sourceSide({ 4: 0, 3: 0, 2: 0, 1: 2 }, ['L1>n0 1/0', 'L1>n1 1/0']),
    ]);
  });

  it('dated hubs are created in due-date order, whatever order the need classes come in', () => {
    // The dated-hub instance above with the needs reversed: the hub of due
    // day 2 still comes first in each base.
    const { edges } = build(
      [
        need({ id: 'nz', deadline: day(12), remaining: 1 }),
        need({ id: 'ny', deadline: day(10), remaining: 1 }),
        need({ id: 'nx', deadline: day(2), remaining: 1 }),
      ],
      [resource({ id: 'ra', availableTo: day(5), remaining: 3 }), resource({ id: 'rb', availableFrom: day(3), remaining: 4 })],
    );
    expect(edges.slice(2, 8)).toEqual([
      'h0>r0 3/0',
      'h1>r0 3/2',
      'h1>r1 4/0',
      'n0>h1 1/0',
      'n1>h1 1/0',
      'n2>h0 1/0',
    ]);
  });

  it('direct edges come in need class order, then resource class order', () => {
    // Two distance resources at 42.00° N (radius 2 and 3 km: two classes).
    // n0 0.01° north ≈ 1.11 km (band 2 km → 2), n1 0.005° south ≈ 0.56 km
    // (band 1 km → 1). Needs with coordinates enter no hub; no hub is built.
    const at = { lng: 118.9 };
    const { built, edges } = build(
      [
        need({ id: 'north', remaining: 1, place: place({ ...at, lat: 42.01 }) }),
        need({ id: 'south', remaining: 1, place: place({ ...at, lat: 41.995 }) }),
      ],
      [
        resource({ id: 'ra', remaining: 1, place: place({ ...at, lat: 42 }), radiusM: 2000 }),
        resource({ id: 'rb', remaining: 1, place: place({ ...at, lat: 42 }), radiusM: 3000 }),
      ],
    );
    expect(edges).toEqual([
      'r0>T 1/0',
      'r1>T 1/0',
      'n0>r0 1/2',
      'n0>r1 1/2',
      'n1>r0 1/1',
      'n1>r1 1/1',
      ...sourceSide({ 4: 0, 3: 0, 2: 0, 1: 2 }, ['L1>n0 1/0', 'L1>n1 1/0']),
    ]);
    expect(Array.from(built.direct)).toEqual([2, 0, 0, 3, 0, 1, 4, 1, 0, 5, 1, 1]);
    expect(hubLists(built)).toEqual([]);
  });
});

describe('many windowed resources at one hub', () => {
  it('seventy windowed resource classes each get their own deadline cost', () => {
    // r_k available through day k + 1 (k = 0…69), one need due day 100:
    // window 101 days (band 0), r_k covers k + 2 days. ADR 0008's bands:
    // 15+ days 0, 8–14 1, 4–7 2, 2–3 3, 1 day 4; cost 2 per band lost.
    const band = (days: number) => (days >= 15 ? 0 : days >= 8 ? 1 : days >= 4 ? 2 : days >= 2 ? 3 : 4);
    const resources = Array.from({ length: 70 }, (_, k) => resource({ id: `r${String(k).padStart(2, '0')}`, remaining: 1, availableTo: day(k + 1) }));
    const { built, edges } = build([need({ deadline: day(100), remaining: 2 })], resources);
    expect(built.hubCount).toBe(1);
    expect(edges.filter((e) => e.startsWith('h0>'))).toEqual(Array.from({ length: 70 }, (_, k) => `h0>r${k} 1/${2 * band(k + 2)}`));
  });
});
