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
import { bipartite2000x500, lexicographic20000x5000 } from '../packages/flow/src/test-instances.ts';
import { median } from './lib/stats.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const round = (v: number) => Math.round(v * 100) / 100;

interface Case {
  name: string;
  label: string;
  build: () => { net: MinCostFlowNetwork; solve: () => { flow: number; cost: number; rounds: number } };
}

/** The primal-dual `solve` (min cost, max flow) on the tests' 2,000 × 500 bipartite instance. */
function bipartite(): ReturnType<Case['build']> {
  const { nodes, sink, edges } = bipartite2000x500();
  const net = createNetwork(nodes);
  for (const e of edges) net.addEdge(e.from, e.to, e.cap, e.cost);
  return { net, solve: () => net.solve(0, sink) };
}

/** `solveLexicographic` (max flows by level, then cost scaling) on the tests' 20,000 × 5,000 instance. */
function lexicographic(): ReturnType<Case['build']> {
  const { net, sink, prio } = lexicographic20000x5000();
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
