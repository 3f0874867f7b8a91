import { describe, expect, it } from 'vitest';
import { solveLexicographic } from './lexicographic.ts';
import { createNetwork } from './min-cost-flow.ts';
import { lexicographic20000x5000, prng, type Edge } from './test-instances.ts';



interface Graph {
  nodes: number;
  edges: Edge[];
  source: number;
  sink: number;
  priority: number[];
}

/** Small general graphs: a few source edges in priority order, arbitrary arcs (cycles, negative costs, parallel edges). */
function smallGraph(rand: (lo: number, hi: number) => number): Graph {
  const nodes = rand(3, 5);
  const sink = nodes - 1;
  const edges: Edge[] = [];
  const priority: number[] = [];
  const nSource = rand(1, 3);
  for (let k = 0; k < nSource; k++) {
    priority.push(edges.length);
    edges.push({ from: 0, to: rand(1, nodes - 1), cap: rand(0, 2), cost: rand(-2, 3) });
  }
  if (rand(0, 1) === 1) priority.pop(); // a source edge outside the priority list
  if (rand(0, 2) === 0) priority.reverse();
  const more = rand(2, 5);
  for (let k = 0; k < more; k++) {
    const from = rand(1, nodes - 1);
    // No edge into the source: priorities are defined for source edges only.
    let to = rand(1, nodes - 1);
    if (to === from) to = sink === from ? 1 : sink;
    edges.push({ from, to, cap: rand(0, 2), cost: rand(-3, 5) });
  }
  return { nodes, edges, source: 0, sink, priority };
}

/** Every integer edge-flow vector: the lexicographically best (priority prefixes, total, then −cost). */
function brute(g: Graph): { key: number[]; cost: number } {
  const x = new Array<number>(g.edges.length).fill(0);
  let best: { key: number[]; cost: number } | null = null;
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
      const key: number[] = [];
      let prefix = 0;
      for (const e of g.priority) key.push((prefix += x[e]!));
      key.push(0 - net[g.source]! + 0);
      const better =
        best === null ||
        (() => {
          for (let k = 0; k < key.length; k++) if (key[k] !== best!.key[k]) return key[k]! > best!.key[k]!;
          return cost < best!.cost;
        })();
      if (better) best = { key, cost };
      return;
    }
    for (let k = 0; k <= g.edges[i]!.cap; k++) {
      x[i] = k;
      walk(i + 1);
    }
  };
  walk(0);
  return best!;
}

function check(g: Graph, flows: number[], flow: number, cost: number): void {
  const net = new Array<number>(g.nodes).fill(0);
  let sum = 0;
  g.edges.forEach((e, i) => {
    const f = flows[i]!;
    expect(Number.isInteger(f) && f >= 0 && f <= e.cap).toBe(true);
    net[e.from]! -= f;
    net[e.to]! += f;
    sum += f * e.cost;
  });
  for (let v = 0; v < g.nodes; v++) {
    if (v === g.source) expect(0 - net[v]!).toBe(flow);
    else if (v === g.sink) expect(net[v]).toBe(flow);
    else expect(net[v]).toBe(0);
  }
  expect(sum).toBe(cost);
}

function run(g: Graph) {
  const net = createNetwork(g.nodes);
  const ids = g.edges.map((e) => net.addEdge(e.from, e.to, e.cap, e.cost));
  const r = net.solveLexicographic(g.source, g.sink, g.priority);
  return { r, flows: ids.map((id) => r.edgeFlow(id)) };
}

describe('solveLexicographic: against brute force', () => {
  it('matches enumeration on 500 small general graphs (negative costs and cycles included)', () => {
    let nonTrivial = 0;
    let withPriority = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const g = smallGraph(prng(seed));
      const want = brute(g);
      const { r, flows } = run(g);
      const key: number[] = [];
      let prefix = 0;
      for (const e of g.priority) key.push((prefix += flows[e]!));
      key.push(r.flow);
      expect({ seed, key, cost: r.cost }).toEqual({ seed, key: want.key, cost: want.cost });
      check(g, flows, r.flow, r.cost);
      expect(run(g).flows).toEqual(flows);
      if (r.flow > 0) nonTrivial++;
      if (g.priority.length > 1 && r.flow > 0) withPriority++;
    }
    expect(nonTrivial).toBeGreaterThan(200);
    expect(withPriority).toBeGreaterThan(50);
  });

  it('agrees with successive shortest paths on random layered instances', () => {
    for (let seed = 100; seed < 160; seed++) {
      const rand = prng(seed);
      const S = rand(5, 60);
      const D = rand(5, 30);
      const sink = S + D + 1;
      const net = createNetwork(sink + 1);
      for (let i = 0; i < S; i++) net.addEdge(0, 1 + i, rand(1, 5), 0);
      for (let i = 0; i < S; i++) {
        for (let k = rand(0, 6); k > 0; k--) net.addEdge(1 + i, 1 + S + rand(0, D - 1), rand(1, 4), rand(0, 40));
      }
      for (let j = 0; j < D; j++) net.addEdge(1 + S + j, sink, rand(1, 9), rand(0, 4));
      const a = net.solve(0, sink);
      const b = net.solveLexicographic(0, sink);
      expect({ seed, flow: b.flow, cost: b.cost }).toEqual({ seed, flow: a.flow, cost: a.cost });
    }
  });
});

/**
 * Small graphs for the primal-dual path: costs 0–3 (many ties, zero-cost
 * cycles), capacities 0–2, and either every source edge in the priority list
 * or no priorities at all (then edges may also enter the source).
 */
function smallNonNegativeGraph(rand: (lo: number, hi: number) => number): Graph {
  const nodes = rand(3, 6);
  const sink = nodes - 1;
  const edges: Edge[] = [];
  const priority: number[] = [];
  const withPriority = rand(0, 3) > 0;
  for (let k = rand(1, 3); k > 0; k--) {
    if (withPriority) priority.push(edges.length);
    edges.push({ from: 0, to: rand(1, nodes - 1), cap: rand(0, 2), cost: rand(0, 3) });
  }
  if (rand(0, 1) === 1) priority.reverse();
  for (let k = rand(2, 6); k > 0; k--) {
    const from = rand(1, nodes - 1);
    let to = rand(withPriority ? 1 : 0, nodes - 1);
    if (to === from) to = sink === from ? 1 : sink;
    edges.push({ from, to, cap: rand(0, 2), cost: rand(0, 3) });
  }
  return { nodes, edges, source: 0, sink, priority };
}

/** The CSR input `solveLexicographic` takes, from an edge list. */
function csr(g: Graph) {
  const m = g.edges.length;
  const arcTo = new Int32Array(2 * m);
  const cap = new Float64Array(m);
  const cost = new Float64Array(m);
  g.edges.forEach((e, k) => {
    arcTo[2 * k] = e.to;
    arcTo[2 * k + 1] = e.from;
    cap[k] = e.cap;
    cost[k] = e.cost;
  });
  return { n: g.nodes, m, arcTo, cap, cost };
}

describe('solveLexicographic: the primal-dual path (non-negative costs)', () => {
  it('matches enumeration on 500 small graphs that take it (ties, zero capacities, zero-cost cycles)', () => {
    let nonTrivial = 0;
    let withPriority = 0;
    for (let seed = 1001; seed <= 1500; seed++) {
      const g = smallNonNegativeGraph(prng(seed));
      const want = brute(g);
      const direct = solveLexicographic(csr(g), g.source, g.sink, g.priority);
      expect({ seed, method: direct.method }).toEqual({ seed, method: 'primal-dual' });
      const { r, flows } = run(g);
      expect(g.edges.map((_, e) => direct.edgeFlow(e))).toEqual(flows);
      const key: number[] = [];
      let prefix = 0;
      for (const e of g.priority) key.push((prefix += flows[e]!));
      key.push(r.flow);
      expect({ seed, key, cost: r.cost }).toEqual({ seed, key: want.key, cost: want.cost });
      check(g, flows, r.flow, r.cost);
      if (r.flow > 0) nonTrivial++;
      if (g.priority.length > 1 && r.flow > 0) withPriority++;
    }
    expect(nonTrivial).toBeGreaterThan(250);
    expect(withPriority).toBeGreaterThan(100);
  });

  it('matches enumeration on the same 500 graphs when primal-dual runs out of rounds and cost scaling finishes', () => {
    let fallbacks = 0;
    for (let seed = 1001; seed <= 1500; seed++) {
      const g = smallNonNegativeGraph(prng(seed));
      const want = brute(g);
      // No round (cost scaling from the completed zero flow, zero potentials)
      // or one (every graph whose flow needs a second path length goes
      // through the max-flow completion and the warm cost scaling).
      const budget = seed % 2;
      const r = solveLexicographic(csr(g), g.source, g.sink, g.priority, undefined, { rounds: budget, progress: null });
      if (r.method === 'primal-dual, then cost scaling') fallbacks++;
      else expect({ seed, method: r.method }).toEqual({ seed, method: 'primal-dual' });
      const flows = g.edges.map((_, e) => r.edgeFlow(e));
      const key: number[] = [];
      let prefix = 0;
      for (const e of g.priority) key.push((prefix += flows[e]!));
      key.push(r.flow);
      expect({ seed, key, cost: r.cost }).toEqual({ seed, key: want.key, cost: want.cost });
      check(g, flows, r.flow, r.cost);
    }
    expect(fallbacks).toBeGreaterThan(150);
  });

  it('gives the same optimum on the 20,000 × 5,000 instance whichever way primal-dual ends', () => {
    const { net, sink, prio } = lexicographic20000x5000();
    const a = net.arrays();
    const copy = () => ({ n: a.n, m: a.m, arcTo: a.arcTo.slice(), cap: a.cap.slice(), cost: a.cost.slice() });
    const full = solveLexicographic(copy(), 0, sink, prio, undefined, { rounds: Number.POSITIVE_INFINITY, progress: null });
    const cut = solveLexicographic(copy(), 0, sink, prio, undefined, { rounds: 8, progress: null });
    // The default limits: the progress test after 4 rounds hands it over.
    const usual = solveLexicographic(copy(), 0, sink, prio);
    expect([full.method, cut.method, usual.method]).toEqual(['primal-dual', 'primal-dual, then cost scaling', 'primal-dual, then cost scaling']);
    expect([cut.flow, cut.cost, usual.flow, usual.cost]).toEqual([full.flow, full.cost, full.flow, full.cost]);
  }, 60_000);

  it('leaves negative costs and other edges out of the source to cost scaling', () => {
    // 0 → 1 (priority), 0 → 2 (not), both into the sink 3.
    const g: Graph = {
      nodes: 4,
      edges: [
        { from: 0, to: 1, cap: 1, cost: 0 },
        { from: 0, to: 2, cap: 1, cost: 0 },
        { from: 1, to: 3, cap: 1, cost: 2 },
        { from: 2, to: 3, cap: 1, cost: 1 },
      ],
      source: 0,
      sink: 3,
      priority: [0],
    };
    expect(solveLexicographic(csr(g), 0, 3, [0]).method).toBe('cost-scaling');
    expect(solveLexicographic(csr(g), 0, 3, [0, 1]).method).toBe('primal-dual');
    expect(solveLexicographic(csr(g), 0, 3, []).method).toBe('primal-dual');
    const negative = { ...g, edges: g.edges.map((e, k) => (k === 3 ? { ...e, cost: -1 } : e)) };
    expect(solveLexicographic(csr(negative), 0, 3, [0, 1]).method).toBe('cost-scaling');
    // A negative cost on an edge without capacity cannot matter.
    const idle = { ...g, edges: g.edges.map((e, k) => (k === 3 ? { ...e, cap: 0, cost: -1 } : e)) };
    const r = solveLexicographic(csr(idle), 0, 3, [0, 1]);
    expect([r.method, r.flow, r.cost]).toEqual(['primal-dual', 1, 2]);
  });
});

describe('solveLexicographic: hand-made cases and input checks', () => {
  it('routes one path length per round, from either end, to the cheapest flow', () => {
    // Three units from a to the sink at costs 1, 2 and 5: three rounds of
    // primal-dual, the later ones searching from the sink (primal-dual.ts).
    const g = {
      nodes: 4,
      edges: [
        { from: 0, to: 1, cap: 3, cost: 0 },
        { from: 1, to: 3, cap: 1, cost: 1 },
        { from: 1, to: 2, cap: 2, cost: 0 },
        { from: 2, to: 3, cap: 1, cost: 2 },
        { from: 2, to: 3, cap: 1, cost: 5 },
      ],
      source: 0,
      sink: 3,
      priority: [0],
    };
    const r = solveLexicographic(csr(g), g.source, g.sink, g.priority);
    expect([r.method, r.flow, r.cost, g.edges.map((_, e) => r.edgeFlow(e))]).toEqual(['primal-dual', 3, 8, [3, 1, 2, 1, 1]]);
  });

  it('serves the first priority edge before a larger total', () => {
    // Source → a (priority 0) and source → b (priority 1) compete for one
    // unit into the sink; b could also use a second, dearer way.
    const net = createNetwork(4);
    const pa = net.addEdge(0, 1, 1, 0);
    const pb = net.addEdge(0, 2, 2, 0);
    net.addEdge(1, 3, 1, 5);
    net.addEdge(2, 3, 1, 0);
    net.addEdge(1, 2, 1, 0);
    const r = net.solveLexicographic(0, 3, [pa, pb]);
    expect([r.edgeFlow(pa), r.edgeFlow(pb), r.flow, r.cost]).toEqual([1, 1, 2, 5]);
    const other = net.solveLexicographic(0, 3, [pb, pa]);
    expect([other.edgeFlow(pb), other.flow]).toEqual([1, 2]);
  });

  it('cancels a negative cycle away from any path', () => {
    const net = createNetwork(4);
    net.addEdge(0, 3, 1, 1);
    net.addEdge(1, 2, 2, -3);
    net.addEdge(2, 1, 2, 1);
    const r = net.solveLexicographic(0, 3);
    expect([r.flow, r.cost]).toEqual([1, 1 - 4]);
  });

  it('returns nothing for source === sink and rejects bad priority lists', () => {
    const net = createNetwork(3);
    const e = net.addEdge(0, 1, 1, 0);
    const f = net.addEdge(1, 2, 1, 0);
    expect(net.solveLexicographic(0, 0).flow).toBe(0);
    expect(() => net.solveLexicographic(0, 2, [f])).toThrow(RangeError);
    expect(() => net.solveLexicographic(0, 2, [e, e])).toThrow(RangeError);
    expect(() => net.solveLexicographic(0, 2, [7])).toThrow(RangeError);
    expect(() => net.solveLexicographic(0, 2).edgeFlow(2)).toThrow(RangeError);
    net.addEdge(2, 0, 1, 0);
    expect(() => net.solveLexicographic(0, 2, [e])).toThrow(/enters the source/);
  });

  it('solves a 20,000 x 5,000 sparse instance with four priority levels', () => {
    const { net, sink, prio } = lexicographic20000x5000();
    // How long it takes is a figure of `pnpm bench` (bench/flow.ts), not a test.
    const r = net.solveLexicographic(0, sink, prio);
    expect(r.flow).toBeGreaterThan(0);
    expect(prio.reduce((s, e) => s + r.edgeFlow(e), 0)).toBe(r.flow);
  }, 60_000);
});
