// Flow solver benchmark: the two scale instances of packages/flow's tests
// ("solves a 2,000 x 500 bipartite instance…" in min-cost-flow.node.test.ts,
// "solves a 20,000 x 5,000 sparse instance…" in lexicographic.node.test.ts),
// built from the same seeds. The tests check the answers; how long the
// solvers take is measured here, where a slow machine gives a figure, not a
// red test.
//   node bench/flow.ts [--runs 3]
// Prints a table and one JSON line per figure: {"name","value","unit"}.
// CPU time (process.cpuUsage, user + system) of the solve only, median of the
// runs; the network is rebuilt before each run and not counted.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createNetwork, type MinCostFlowNetwork } from '../packages/flow/src/index.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const round = (v: number) => Math.round(v * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** mulberry32 with an integer range, as in the flow tests (same seeds, same instances). */
function prng(seed: number): (lo: number, hi: number) => number {
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

interface Case {
  name: string;
  label: string;
  build: () => { net: MinCostFlowNetwork; solve: () => { flow: number; cost: number; rounds: number } };
}

/** 2,000 supplies × 500 demands, 8 arcs each, costs −20…100: the primal-dual `solve` (min cost, max flow). */
function bipartite(): ReturnType<Case['build']> {
  const rand = prng(42);
  const S = 2000;
  const D = 500;
  const sink = S + D + 1;
  const net = createNetwork(sink + 1);
  for (let i = 0; i < S; i++) net.addEdge(0, 1 + i, rand(1, 3), 0);
  for (let i = 0; i < S; i++) {
    for (let k = 0; k < 8; k++) net.addEdge(1 + i, 1 + S + rand(0, D - 1), rand(1, 3), rand(-20, 100));
  }
  for (let j = 0; j < D; j++) net.addEdge(1 + S + j, sink, rand(1, 12), 0);
  return { net, solve: () => net.solve(0, sink) };
}

/** 20,000 supplies in four priority levels × 5,000 demands: `solveLexicographic` (max flows by level, then cost scaling). */
function lexicographic(): ReturnType<Case['build']> {
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
  return { net, solve: () => net.solveLexicographic(0, sink, prio) };
}

const CASES: Case[] = [
  { name: 'flow.bipartite_2000x500', label: '原始对偶 solve：2,000 × 500 二部图', build: bipartite },
  { name: 'flow.lexicographic_20000x5000', label: '字典序 solveLexicographic：20,000 × 5,000，四级优先', build: lexicographic },
];

export function runFlowBench(opts: { runs?: number } = {}): Figure[] {
  const runs = opts.runs ?? 3;
  console.log(`▶ 流求解器基准：测试中的两个规模实例，每个 ${runs} 次`);
  const figures: Figure[] = [];
  const rows: string[][] = [];
  for (const c of CASES) {
    const times: number[] = [];
    let last = { flow: 0, cost: 0, rounds: 0, nodes: 0, edges: 0 };
    for (let i = 0; i < runs; i++) {
      const { net, solve } = c.build();
      (globalThis as { gc?: () => void }).gc?.();
      const c0 = process.cpuUsage();
      const r = solve();
      const cpu = process.cpuUsage(c0);
      times.push((cpu.user + cpu.system) / 1000);
      last = { flow: r.flow, cost: r.cost, rounds: r.rounds, nodes: net.nodeCount, edges: net.edgeCount };
    }
    const ms = median(times);
    rows.push([c.label, String(last.nodes), String(last.edges), String(last.flow), String(last.cost), String(last.rounds), ms.toFixed(0), times.map((t) => t.toFixed(0)).join(' / ')]);
    figures.push(
      { name: `${c.name}.cpu`, value: round(ms), unit: 'ms' },
      { name: `${c.name}.flow`, value: last.flow, unit: 'units' },
      { name: `${c.name}.cost`, value: last.cost, unit: 'cost' },
      { name: `${c.name}.rounds`, value: last.rounds, unit: 'rounds' },
    );
  }
  const head = ['实例', '节点', '边', '流量', '成本', '轮数', 'CPU ms（中位）', '各次 CPU ms'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((x, i) => (i === 0 ? x + ' '.repeat(cols[i]! - width(x)) : ' '.repeat(cols[i]! - width(x)) + x)).join('  ');
  console.log('\n' + line(head));
  console.log(cols.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs 须为正整数');
  const figures = runFlowBench({ runs });
  console.log('');
  for (const f of figures) console.log(JSON.stringify(f));
}
