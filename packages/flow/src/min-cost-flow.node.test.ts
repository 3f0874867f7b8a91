import { describe, expect, it } from 'vitest';
import { createNetwork } from './min-cost-flow.ts';
import { bipartite2000x500, prng, type Edge } from './test-instances.ts';



function solveEdges(nodes: number, edges: Edge[], source: number, sink: number, maxFlow?: number) {
  const net = createNetwork(nodes);
  const ids = edges.map((e) => net.addEdge(e.from, e.to, e.cap, e.cost));
  const res = net.solve(source, sink, maxFlow === undefined ? {} : { maxFlow });
  return { ...res, flows: ids.map((id) => res.edgeFlow(id)), net };
}

/** Bounds, conservation and that the reported cost is the edge-flow cost. */
function checkFeasible(nodes: number, edges: Edge[], source: number, sink: number, flow: number, cost: number, flows: number[]) {
  const net = new Array<number>(nodes).fill(0);
  let sum = 0;
  edges.forEach((e, i) => {
    const f = flows[i]!;
    expect(Number.isInteger(f)).toBe(true);
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(e.cap);
    net[e.from]! -= f;
    net[e.to]! += f;
    sum += f * e.cost;
  });
  for (let v = 0; v < nodes; v++) {
    if (source === sink) expect(net[v]).toBe(0);
    else if (v === source) expect(net[v]! + flow).toBe(0);
    else if (v === sink) expect(net[v]).toBe(flow);
    else expect(net[v]).toBe(0);
  }
  expect(sum).toBe(cost);
}

describe('createNetwork: hand-made cases', () => {
  it('CLRS max-flow graph (zero costs) has value 23', () => {
    const [s, v1, v2, v3, v4, t] = [0, 1, 2, 3, 4, 5];
    const edges: Edge[] = [
      { from: s, to: v1, cap: 16, cost: 0 },
      { from: s, to: v2, cap: 13, cost: 0 },
      { from: v1, to: v3, cap: 12, cost: 0 },
      { from: v2, to: v1, cap: 4, cost: 0 },
      { from: v2, to: v4, cap: 14, cost: 0 },
      { from: v3, to: v2, cap: 9, cost: 0 },
      { from: v3, to: t, cap: 20, cost: 0 },
      { from: v4, to: v3, cap: 7, cost: 0 },
      { from: v4, to: t, cap: 4, cost: 0 },
    ];
    const r = solveEdges(6, edges, s, t);
    expect(r.flow).toBe(23);
    expect(r.cost).toBe(0);
    checkFeasible(6, edges, s, t, r.flow, r.cost, r.flows);
  });

  it('diamond with costs: min cost at each flow value', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, cap: 2, cost: 1 },
      { from: 0, to: 2, cap: 1, cost: 2 },
      { from: 1, to: 2, cap: 1, cost: 1 },
      { from: 1, to: 3, cap: 1, cost: 3 },
      { from: 2, to: 3, cap: 2, cost: 1 },
    ];
    const expected = [
      [0, 0],
      [1, 3],
      [2, 6],
      [3, 10],
      [3, 10],
    ] as const;
    for (const [cap, [flow, cost]] of expected.entries()) {
      const r = solveEdges(4, edges, 0, 3, cap);
      expect([r.flow, r.cost]).toEqual([flow, cost]);
      checkFeasible(4, edges, 0, 3, r.flow, r.cost, r.flows);
    }
    const full = solveEdges(4, edges, 0, 3);
    expect([full.flow, full.cost]).toEqual([3, 10]);
    expect(full.flows).toEqual([2, 1, 1, 1, 2]);
  });

  it('reroutes the first shortest path through a reverse arc', () => {
    // s=0 u=1 v=2 t=3: the free path s-u-v-t is taken first and then undone.
    const edges: Edge[] = [
      { from: 0, to: 1, cap: 1, cost: 0 },
      { from: 1, to: 2, cap: 1, cost: 0 },
      { from: 2, to: 3, cap: 1, cost: 0 },
      { from: 0, to: 2, cap: 1, cost: 10 },
      { from: 1, to: 3, cap: 1, cost: 10 },
    ];
    const r = solveEdges(4, edges, 0, 3);
    expect([r.flow, r.cost]).toEqual([2, 20]);
    expect(r.flows).toEqual([1, 0, 1, 1, 1]);
  });

  it('handles negative edge costs without negative cycles', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, cap: 2, cost: -2 },
      { from: 1, to: 2, cap: 2, cost: 1 },
      { from: 0, to: 2, cap: 1, cost: 3 },
      { from: 2, to: 1, cap: 5, cost: 4 },
    ];
    const r = solveEdges(3, edges, 0, 2);
    expect([r.flow, r.cost]).toEqual([3, 1]);
    expect(r.flows).toEqual([2, 2, 1, 0]);
    const one = solveEdges(3, edges, 0, 2, 1);
    expect([one.flow, one.cost]).toEqual([1, -1]);
  });

  it('uses parallel edges cheapest first', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, cap: 2, cost: 5 },
      { from: 0, to: 1, cap: 1, cost: 1 },
      { from: 0, to: 1, cap: 3, cost: 2 },
    ];
    const capped = solveEdges(2, edges, 0, 1, 4);
    expect([capped.flow, capped.cost]).toEqual([4, 7]);
    expect(capped.flows).toEqual([0, 1, 3]);
    const full = solveEdges(2, edges, 0, 1);
    expect([full.flow, full.cost]).toEqual([6, 17]);
    expect(full.flows).toEqual([2, 1, 3]);
  });

  it('ignores zero-capacity edges, even cheap or negative ones', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, cap: 0, cost: -10 },
      { from: 0, to: 1, cap: 1, cost: 4 },
      { from: 1, to: 0, cap: 0, cost: -10 },
    ];
    const r = solveEdges(2, edges, 0, 1);
    expect([r.flow, r.cost]).toEqual([1, 4]);
    expect(r.flows).toEqual([0, 1, 0]);
  });

  it('returns zero flow for source === sink, unreachable sink, or maxFlow 0', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, cap: 3, cost: 1 },
      { from: 1, to: 0, cap: 3, cost: 1 },
      { from: 2, to: 3, cap: 3, cost: -1 },
    ];
    for (const [s, t, cap] of [
      [0, 0, undefined],
      [1, 1, undefined],
      [0, 3, undefined],
      [0, 2, undefined],
      [3, 2, undefined],
      [0, 1, 0],
    ] as const) {
      const r = solveEdges(4, edges, s, t, cap);
      expect([r.flow, r.cost]).toEqual([0, 0]);
      expect(r.flows).toEqual([0, 0, 0]);
    }
    expect(createNetwork(1).solve(0, 0).flow).toBe(0);
  });

  it('grows nodes and edges past the initial buffers and keeps old results intact', () => {
    const net = createNetwork();
    const s = net.addNode();
    const t = net.addNode();
    expect([s, t]).toEqual([0, 1]);
    const ids: number[] = [];
    for (let i = 0; i < 100; i++) {
      const mid = net.addNode();
      ids.push(net.addEdge(s, mid, 1, i % 7), net.addEdge(mid, t, 1, 0));
    }
    expect(net.nodeCount).toBe(102);
    expect(net.edgeCount).toBe(200);
    const capped = net.solve(s, t, { maxFlow: 10 });
    // Costs i % 7 over 100 middles: 15 have cost 0, so 10 units cost 0.
    expect([capped.flow, capped.cost]).toEqual([10, 0]);
    net.addEdge(s, t, 5, -1);
    const full = net.solve(s, t);
    expect(full.flow).toBe(105);
    expect(capped.flow).toBe(10);
    expect(ids.reduce((acc, id) => acc + capped.edgeFlow(id), 0)).toBe(20);
    expect(() => capped.edgeFlow(200)).toThrow(RangeError);
    expect(full.edgeFlow(200)).toBe(5);
  });

  it('takes an edge reservation: the same answers within it and past it, and a bad reservation is refused', () => {
    // Diamond s → a → t, s → b → t (costs 1 + 1 and 2 + 2, capacity 2 each)
    // plus s → t (capacity 1, cost 5): 5 units cost 2·2 + 2·4 + 5 = 17,
    // whether the 5 edges fit the reservation (8) or outgrow it (2).
    const build = (reserve: number) => {
      const net = createNetwork(4, reserve);
      const ids = [net.addEdge(0, 1, 2, 1), net.addEdge(1, 3, 2, 1), net.addEdge(0, 2, 2, 2), net.addEdge(2, 3, 2, 2), net.addEdge(0, 3, 1, 5)];
      return { net, ids };
    };
    for (const reserve of [8, 2, 0]) {
      const { net, ids } = build(reserve);
      expect(net.edgeCount).toBe(5);
      const r = net.solve(0, 3);
      expect([r.flow, r.cost, ids.map((e) => r.edgeFlow(e))]).toEqual([5, 17, [2, 2, 2, 2, 1]]);
      const lex = net.solveLexicographic(0, 3);
      expect([lex.flow, lex.cost]).toEqual([5, 17]);
    }
    expect(() => createNetwork(4, -1)).toThrow(RangeError);
    expect(() => createNetwork(4, 1.5)).toThrow(RangeError);
  });

  it('rejects bad input and negative cycles reachable from the source', () => {
    const net = createNetwork(3);
    expect(() => net.addEdge(0, 3, 1, 0)).toThrow(RangeError);
    expect(() => net.addEdge(0, 1, -1, 0)).toThrow(RangeError);
    expect(() => net.addEdge(0, 1, 1.5, 0)).toThrow(RangeError);
    expect(() => net.addEdge(0, 1, 1, 0.5)).toThrow(RangeError);
    expect(() => net.solve(0, 5)).toThrow(RangeError);
    expect(() => net.solve(0, 1, { maxFlow: -1 })).toThrow(RangeError);
    net.addEdge(0, 1, 1, 0);
    net.addEdge(1, 2, 1, -3);
    net.addEdge(2, 1, 1, 2);
    expect(() => net.solve(0, 2)).toThrow(/negative-cost cycle/);
  });
});

/** Bipartite transportation instance: source 0, supplies, demands, sink last. */
function transportation(rand: (lo: number, hi: number) => number) {
  const S = rand(1, 4);
  const D = rand(1, 4);
  const sink = S + D + 1;
  const supply = Array.from({ length: S }, () => ({ cap: rand(0, 4), cost: rand(-3, 9) }));
  const demand = Array.from({ length: D }, () => ({ cap: rand(0, 4), cost: rand(-3, 9) }));
  const link: (Edge | null)[][] = supply.map((_, i) =>
    demand.map((_, j) => (rand(0, 3) === 0 ? null : { from: 1 + i, to: 1 + S + j, cap: rand(0, 4), cost: rand(-3, 9) })),
  );
  const edges: Edge[] = [];
  supply.forEach((s, i) => edges.push({ from: 0, to: 1 + i, cap: s.cap, cost: s.cost }));
  for (const row of link) for (const e of row) if (e) edges.push(e);
  demand.forEach((d, j) => edges.push({ from: 1 + S + j, to: sink, cap: d.cap, cost: d.cost }));
  const maxFlow = rand(0, 2) === 0 ? rand(0, 6) : undefined;
  return { S, D, supply, demand, link, edges, nodes: sink + 1, sink, maxFlow };
}

/**
 * Exhaustive over every integer way to send units from each supply to its
 * demands, memoised on the demands' remaining capacities; returns the minimum
 * cost for each exact total flow value (Infinity when unreachable).
 */
function bruteTransportation(inst: ReturnType<typeof transportation>): number[] {
  const maxTotal = inst.supply.reduce((a, s) => a + s.cap, 0);
  const memo = new Map<string, number[]>();
  const rec = (i: number, rem: number[]): number[] => {
    const key = `${i}|${rem.join(',')}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const best = new Array<number>(maxTotal + 1).fill(Number.POSITIVE_INFINITY);
    if (i === inst.S) {
      best[0] = 0;
    } else {
      const row = inst.link[i]!;
      const x = new Array<number>(inst.D).fill(0);
      const walk = (j: number, sent: number, cost: number): void => {
        if (j === inst.D) {
          const rest = rec(
            i + 1,
            rem.map((r, k) => r - x[k]!),
          );
          const here = cost + sent * inst.supply[i]!.cost;
          rest.forEach((c, f) => {
            if (c + here < best[f + sent]!) best[f + sent] = c + here;
          });
          return;
        }
        const e = row[j];
        const top = e ? Math.min(e.cap, rem[j]!, inst.supply[i]!.cap - sent) : 0;
        for (let k = 0; k <= top; k++) {
          x[j] = k;
          walk(j + 1, sent + k, cost + (e ? k * (e.cost + inst.demand[j]!.cost) : 0));
        }
        x[j] = 0;
      };
      walk(0, 0, 0);
    }
    memo.set(key, best);
    return best;
  };
  return rec(
    0,
    inst.demand.map((d) => d.cap),
  );
}

/** Small general graph whose costs come from potentials, so no negative cycles. */
function smallGraph(rand: (lo: number, hi: number) => number) {
  const nodes = rand(2, 5);
  const p = Array.from({ length: nodes }, () => rand(-3, 3));
  const m = rand(2, 7);
  const edges: Edge[] = Array.from({ length: m }, () => {
    // Mostly forward edges so that many instances carry flow; the rest may
    // point anywhere (backwards, self-loops) to exercise residual reversal.
    const forward = rand(0, 2) !== 0;
    const from = forward ? rand(0, nodes - 2) : rand(0, nodes - 1);
    const to = forward ? rand(from + 1, nodes - 1) : rand(0, nodes - 1);
    return { from, to, cap: rand(0, 3), cost: rand(0, 5) + p[from]! - p[to]! };
  });
  const odd = rand(0, 9) === 0;
  const source = odd ? rand(0, nodes - 1) : 0;
  const sink = odd ? rand(0, nodes - 1) : nodes - 1;
  return { nodes, edges, source, sink, maxFlow: rand(0, 2) === 0 ? rand(0, 4) : undefined };
}

/** Every integer edge-flow vector; returns min cost per net source outflow. */
function bruteAllAssignments(g: ReturnType<typeof smallGraph>): Map<number, number> {
  const best = new Map<number, number>();
  const x = new Array<number>(g.edges.length).fill(0);
  const walk = (i: number): void => {
    if (i === g.edges.length) {
      const net = new Array<number>(g.nodes).fill(0);
      let cost = 0;
      g.edges.forEach((e, k) => {
        net[e.from]! -= x[k]!;
        net[e.to]! += x[k]!;
        cost += x[k]! * e.cost;
      });
      for (let v = 0; v < g.nodes; v++) if (v !== g.source && v !== g.sink && net[v] !== 0) return;
      const value = g.source === g.sink ? 0 : -net[g.source]!;
      if (cost < (best.get(value) ?? Number.POSITIVE_INFINITY)) best.set(value, cost);
      return;
    }
    for (let k = 0; k <= g.edges[i]!.cap; k++) {
      x[i] = k;
      walk(i + 1);
    }
  };
  walk(0);
  return best;
}

describe('createNetwork: properties against brute force', () => {
  it('matches exhaustive search on 300 random transportation instances', () => {
    let nonTrivial = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const inst = transportation(prng(seed));
      const byValue = bruteTransportation(inst);
      const limit = inst.maxFlow ?? Number.POSITIVE_INFINITY;
      let flow = 0;
      byValue.forEach((c, f) => {
        if (c !== Number.POSITIVE_INFINITY && f <= limit) flow = f;
      });
      const r = solveEdges(inst.nodes, inst.edges, 0, inst.sink, inst.maxFlow);
      expect({ seed, flow: r.flow, cost: r.cost }).toEqual({ seed, flow, cost: byValue[flow] });
      checkFeasible(inst.nodes, inst.edges, 0, inst.sink, r.flow, r.cost, r.flows);
      const again = solveEdges(inst.nodes, inst.edges, 0, inst.sink, inst.maxFlow);
      expect(again.flows).toEqual(r.flows);
      const sameNet = r.net.solve(0, inst.sink, inst.maxFlow === undefined ? {} : { maxFlow: inst.maxFlow });
      expect(inst.edges.map((_, i) => sameNet.edgeFlow(i))).toEqual(r.flows);
      if (flow > 0) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(150);
  });

  it('matches enumeration of all edge-flow assignments on 300 random general graphs', () => {
    let nonTrivial = 0;
    for (let seed = 1001; seed <= 1300; seed++) {
      const g = smallGraph(prng(seed));
      const byValue = bruteAllAssignments(g);
      const limit = g.maxFlow ?? Number.POSITIVE_INFINITY;
      const flow = Math.max(...[...byValue.keys()].filter((v) => v <= limit));
      const r = solveEdges(g.nodes, g.edges, g.source, g.sink, g.maxFlow);
      expect({ seed, flow: r.flow, cost: r.cost }).toEqual({ seed, flow, cost: byValue.get(flow) });
      checkFeasible(g.nodes, g.edges, g.source, g.sink, r.flow, r.cost, r.flows);
      expect(solveEdges(g.nodes, g.edges, g.source, g.sink, g.maxFlow).flows).toEqual(r.flows);
      if (flow > 0) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(120);
  });
});

describe('createNetwork: min-cost objective (cheapest flow of any value)', () => {
  it('stops where the next path would not lower the cost', () => {
    // Paths cost -5, -1, 0 and +3: the cheapest flow sends 2 units at -6.
    const edges: Edge[] = [
      { from: 0, to: 1, cap: 1, cost: -5 },
      { from: 0, to: 1, cap: 1, cost: -1 },
      { from: 0, to: 1, cap: 1, cost: 0 },
      { from: 0, to: 1, cap: 1, cost: 3 },
    ];
    const net = createNetwork(2);
    edges.forEach((e) => net.addEdge(e.from, e.to, e.cap, e.cost));
    const cheapest = net.solve(0, 1, { objective: 'min-cost' });
    expect([cheapest.flow, cheapest.cost]).toEqual([2, -6]);
    expect([0, 1, 2, 3].map((e) => cheapest.edgeFlow(e))).toEqual([1, 1, 0, 0]);
    const capped = net.solve(0, 1, { objective: 'min-cost', maxFlow: 1 });
    expect([capped.flow, capped.cost]).toEqual([1, -5]);
    const max = net.solve(0, 1);
    expect([max.flow, max.cost]).toEqual([4, -3]);
  });

  it('does not mistake parallel negative edges for a negative cycle', () => {
    // Four ways into node 1 relax it four times in one SPFA pass (more than
    // the node count); only a path as long as the node count proves a cycle.
    const net = createNetwork(2);
    for (const c of [3, 0, -1, -5]) net.addEdge(0, 1, 1, c);
    expect(net.solve(0, 1).cost).toBe(-3);
  });

  it('sends nothing when every path costs 0 or more', () => {
    const net = createNetwork(3);
    net.addEdge(0, 1, 2, 0);
    net.addEdge(1, 2, 2, 1);
    const r = net.solve(0, 2, { objective: 'min-cost' });
    expect([r.flow, r.cost, r.edgeFlow(0)]).toEqual([0, 0, 0]);
  });

  it('matches the cheapest value of exhaustive search on 300 random transportation instances', () => {
    let negative = 0;
    for (let seed = 2001; seed <= 2300; seed++) {
      const inst = transportation(prng(seed));
      const byValue = bruteTransportation(inst);
      const limit = inst.maxFlow ?? Number.POSITIVE_INFINITY;
      // The solver stops at the first (smallest) flow value of least cost.
      let best = 0;
      byValue.forEach((c, f) => {
        if (f <= limit && c < byValue[best]!) best = f;
      });
      const net = createNetwork(inst.nodes);
      const ids = inst.edges.map((e) => net.addEdge(e.from, e.to, e.cap, e.cost));
      const r = net.solve(0, inst.sink, inst.maxFlow === undefined ? { objective: 'min-cost' } : { objective: 'min-cost', maxFlow: inst.maxFlow });
      expect({ seed, flow: r.flow, cost: r.cost }).toEqual({ seed, flow: best, cost: byValue[best] });
      checkFeasible(
        inst.nodes,
        inst.edges,
        0,
        inst.sink,
        r.flow,
        r.cost,
        ids.map((id) => r.edgeFlow(id)),
      );
      if (r.cost < 0) negative++;
    }
    expect(negative).toBeGreaterThan(25);
  });
});

describe('createNetwork: primal-dual rounds', () => {
  it('needs one Dijkstra per distinct path length, not one per path', () => {
    // 200 disjoint unit paths of cost 0 and 200 of cost 1: two rounds (plus
    // the final one that finds the sink unreachable is not counted).
    const net = createNetwork(2);
    for (let i = 0; i < 400; i++) {
      const mid = net.addNode();
      net.addEdge(0, mid, 1, i % 2);
      net.addEdge(mid, 1, 1, 0);
    }
    const r = net.solve(0, 1);
    expect([r.flow, r.cost]).toEqual([400, 200]);
    expect(r.rounds).toBe(2);
    expect(r.augmentations).toBe(400);
  });
});

describe('createNetwork: scale', () => {
  it('solves a 2,000 x 500 bipartite instance and conserves flow', () => {
    const { nodes, sink, edges } = bipartite2000x500();
    // How long it takes is a figure of `pnpm bench` (bench/flow.ts), not a test.
    const r = solveEdges(nodes, edges, 0, sink);
    expect(r.flow).toBeGreaterThan(0);
    checkFeasible(nodes, edges, 0, sink, r.flow, r.cost, r.flows);
  });
});
