// Seeded instances shared by the flow tests and `pnpm bench` (bench/flow.ts):
// the tests check the answers on them, the bench times the same networks.
// Not part of the package's API.
import { createNetwork, type MinCostFlowNetwork } from './min-cost-flow.ts';

export interface Edge {
  from: number;
  to: number;
  cap: number;
  cost: number;
}

/** mulberry32 with an integer range [lo, hi]: tiny and seeded, so every failing case has a number. */
export function prng(seed: number): (lo: number, hi: number) => number {
  let s = seed >>> 0;
  return (lo, hi) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return lo + Math.floor(r * (hi - lo + 1));
  };
}

/** 2,000 supplies × 500 demands, 8 arcs each, costs −20…100 (seed 42), as an edge list. */
export function bipartite2000x500(): { nodes: number; sink: number; edges: Edge[] } {
  const rand = prng(42);
  const S = 2000;
  const D = 500;
  const sink = S + D + 1;
  const edges: Edge[] = [];
  for (let i = 0; i < S; i++) edges.push({ from: 0, to: 1 + i, cap: rand(1, 3), cost: 0 });
  for (let i = 0; i < S; i++) {
    for (let k = 0; k < 8; k++) edges.push({ from: 1 + i, to: 1 + S + rand(0, D - 1), cap: rand(1, 3), cost: rand(-20, 100) });
  }
  for (let j = 0; j < D; j++) edges.push({ from: 1 + S + j, to: sink, cap: rand(1, 12), cost: 0 });
  return { nodes: sink + 1, sink, edges };
}

/** 20,000 supplies in four priority levels × 5,000 demands (seed 7), built into a network with its priority edges. */
export function lexicographic20000x5000(): { net: MinCostFlowNetwork; sink: number; prio: number[] } {
  const rand = prng(7);
  const S = 20_000;
  const D = 5_000;
  const levels = 4;
  const sink = levels + S + D + 1;
  const net = createNetwork(sink + 1);
  const supply = new Array<number>(levels).fill(0);
  const caps: number[] = [];
  for (let i = 0; i < S; i++) caps.push(rand(1, 4));
  const levelOf = caps.map(() => rand(0, levels - 1));
  caps.forEach((c, i) => (supply[levelOf[i]!]! += c));
  const prio = supply.map((c, l) => net.addEdge(0, 1 + l, c, 0)).reverse();
  for (let i = 0; i < S; i++) net.addEdge(1 + levelOf[i]!, 1 + levels + i, caps[i]!, 0);
  for (let i = 0; i < S; i++) {
    for (let k = rand(1, 6); k > 0; k--) net.addEdge(1 + levels + i, 1 + levels + S + rand(0, D - 1), 4, rand(0, 30));
  }
  for (let j = 0; j < D; j++) net.addEdge(1 + levels + S + j, sink, rand(1, 12), rand(0, 4));
  return { net, sink, prio };
}
