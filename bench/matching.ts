// Matching engine benchmark at county scale: `assign` (exact) against
// `greedyAssign` (baseline) on a generated county (bench/matching-data.ts),
// inside workerd and in Node for comparison.
//   node bench/matching.ts [--needs 20000] [--resources 5000] [--runs 3] [--skip-workerd]
// Prints a table and one JSON line per figure: {"name","value","unit"}.
//
// Method in workerd: Date.now()/performance.now() do not advance inside a
// Worker during CPU work, so `wrangler dev` runs bench/matching-worker.ts and
// this process measures from outside. CPU time: utime + stime of the workerd
// processes (/proc/<pid>/stat, in clock ticks of 10 ms) before and after each
// /assign request, which — unlike wall time — does not grow when the machine
// is shared; the wall time of the request minus an empty request is printed
// beside it. Memory: before each /assign, "5" is written to
// /proc/<pid>/clear_refs, which resets the peak RSS (VmHWM) to the current
// RSS; after the request, VmHWM − that RSS is the peak the run added (input
// objects already live in the isolate, as they would after reading D1).
// In Node the same figures come from process.cpuUsage() and /proc/self.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { assign, greedyAssign } from '../packages/matching/src/index.ts';
import { generateCounty } from './matching-data.ts';
import { freePort, startWrangler, type Server } from './lib/servers.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const round = (v: number) => Math.round(v * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** kB figures from /proc/<pid>/status. */
function procStatus(pid: number | 'self'): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** CPU time in ms (user + system) of a process, from /proc/<pid>/stat (USER_HZ = 100 on Linux). */
function procCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resets the peak RSS to the current one; false where the kernel refuses. */
function resetPeak(pid: number | 'self'): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** workerd processes started (through wrangler) by this process. */
function workerdDescendants(): number[] {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      name.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      parent.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...name].filter(([pid, n]) => n === 'workerd' && mine(pid)).map(([pid]) => pid);
}

/** GET without fetch's 300 s header timeout: a county-scale run on a busy machine can take longer. */
function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    }).on('error', fail);
  });
}

interface Summary {
  unitsServed: number;
  weightedServed: number;
  totalCost: number;
  allocations: number;
}

function summaryFigures(prefix: string, exact: Summary, greedy: Summary, ms: number, greedyMs: number, peakMb: number): Figure[] {
  return [
    { name: `${prefix}.assign.cpu`, value: round(ms), unit: 'ms' },
    { name: `${prefix}.assign.peak_memory`, value: round(peakMb), unit: 'MB' },
    { name: `${prefix}.assign.units_served`, value: exact.unitsServed, unit: 'units' },
    { name: `${prefix}.assign.weighted_served`, value: exact.weightedServed, unit: 'weighted units' },
    { name: `${prefix}.assign.total_cost`, value: exact.totalCost, unit: 'cost' },
    { name: `${prefix}.greedy.cpu`, value: round(greedyMs), unit: 'ms' },
    { name: `${prefix}.greedy.weighted_gap`, value: exact.weightedServed - greedy.weightedServed, unit: 'weighted units' },
    {
      name: `${prefix}.greedy.weighted_gap_pct`,
      value: round(exact.weightedServed ? ((exact.weightedServed - greedy.weightedServed) / exact.weightedServed) * 100 : 0),
      unit: '%',
    },
    { name: `${prefix}.greedy.cost_gap`, value: greedy.totalCost - exact.totalCost, unit: 'cost' },
  ];
}

function inNode(needs: number, resources: number, runs: number): Figure[] {
  const inst = generateCounty({ needs, resources });
  const times: number[] = [];
  let peak = 0;
  let exact: Summary | null = null;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const reset = resetPeak('self');
    const before = procStatus('self').rss;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = assign(inst.needs, inst.resources, inst.options);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    times.push((cpu.user + cpu.system) / 1000);
    if (reset) peak = Math.max(peak, (procStatus('self').hwm - before) / 1024);
    exact = { ...r, allocations: r.allocations.length };
    console.log(`  node 第 ${i + 1} 次：CPU ${times[i]!.toFixed(0)} ms，墙钟 ${wall.toFixed(0)} ms（${r.stats.needClasses} 需求类、${r.stats.resourceClasses} 资源类、${r.stats.edges} 条边、${r.stats.rounds} 轮）`);
  }
  const c1 = process.cpuUsage();
  const g = greedyAssign(inst.needs, inst.resources, inst.options);
  const gc = process.cpuUsage(c1);
  const greedyMs = (gc.user + gc.system) / 1000;
  return summaryFigures('matching.node', exact!, { ...g, allocations: g.allocations.length }, median(times), greedyMs, peak);
}

async function inWorkerd(needs: number, resources: number, runs: number): Promise<Figure[]> {
  const dir = join(ROOT, '.bench/matching');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'wrangler.toml');
  writeFileSync(
    config,
    `# Written by bench/matching.ts\nname = "ronghe-bench-matching"\nmain = ${JSON.stringify(join(ROOT, 'bench/matching-worker.ts'))}\ncompatibility_date = "2026-11-01"\n`,
  );
  const server: Server = await startWrangler({ name: 'matching', root: ROOT, config, port: await freePort(), persistTo: join(dir, 'state'), logDir: join(dir, 'logs') });
  try {
    // wrangler may run more than one workerd; figures are summed over all of them.
    const pids = workerdDescendants();
    if (pids.length === 0) throw new Error('找不到 wrangler 启动的 workerd 进程');
    const cpuMs = () => pids.reduce((sum, pid) => sum + procCpuMs(pid), 0);
    const request = async (path: string) => {
      const c0 = cpuMs();
      const t0 = performance.now();
      const { status, body } = await httpGet(`${server.url}${path}`);
      const ms = performance.now() - t0;
      const cpu = cpuMs() - c0;
      if (status !== 200) throw new Error(`${path}: HTTP ${status} ${body.slice(0, 300)}`);
      return { ms, cpu, body: JSON.parse(body) as Summary & { stats: { edges: number; rounds: number } | null } };
    };
    await request(`/generate?needs=${needs}&resources=${resources}`);
    for (let i = 0; i < 5; i++) await request('/noop');
    const noops: number[] = [];
    for (let i = 0; i < 7; i++) noops.push((await request('/noop')).ms);
    const noop = median(noops);
    const times: number[] = [];
    let peak = 0;
    let exact: Summary | null = null;
    for (let i = 0; i < runs; i++) {
      const reset = pids.every((pid) => resetPeak(pid));
      const before = pids.map((pid) => procStatus(pid).rss);
      const r = await request('/assign');
      times.push(r.cpu);
      if (reset) peak = Math.max(peak, pids.reduce((sum, pid, k) => sum + (procStatus(pid).hwm - before[k]!), 0) / 1024);
      exact = r.body;
      console.log(`  workerd 第 ${i + 1} 次：CPU ${r.cpu.toFixed(0)} ms，墙钟 ${(r.ms - noop).toFixed(0)} ms（已扣除空请求 ${noop.toFixed(1)} ms）`);
    }
    const g = await request('/greedy');
    const rss = pids.reduce((sum, pid) => sum + procStatus(pid).rss, 0) / 1024;
    return [
      ...summaryFigures('matching.workerd', exact!, g.body, median(times), g.cpu, peak),
      { name: 'matching.workerd.rss_after', value: round(rss), unit: 'MB' },
    ];
  } finally {
    await server.stop();
  }
}

function printTable(figures: Figure[]): void {
  const get = (name: string) => figures.find((f) => f.name === name)?.value;
  const rows = [
    ['assign CPU 时间 (ms)', 'assign.cpu'],
    ['assign 峰值内存增量 (MB)', 'assign.peak_memory'],
    ['满足单位数', 'assign.units_served'],
    ['加权满足值', 'assign.weighted_served'],
    ['总成本', 'assign.total_cost'],
    ['贪心 CPU 时间 (ms)', 'greedy.cpu'],
    ['贪心加权差距', 'greedy.weighted_gap'],
    ['贪心加权差距 (%)', 'greedy.weighted_gap_pct'],
    ['贪心成本差距', 'greedy.cost_gap'],
  ];
  console.log(`\n${'指标'.padEnd(22)}${'workerd'.padStart(14)}${'node'.padStart(14)}`);
  for (const [label, key] of rows) {
    const w = get(`matching.workerd.${key}`);
    const n = get(`matching.node.${key}`);
    console.log(`${label!.padEnd(22 - [...label!].filter((c) => c.charCodeAt(0) > 0x2e80).length)}${String(w ?? '—').padStart(14)}${String(n ?? '—').padStart(14)}`);
  }
}

export async function runMatchingBench(opts: { needs?: number; resources?: number; runs?: number; workerd?: boolean } = {}): Promise<Figure[]> {
  const needs = opts.needs ?? 20_000;
  const resources = opts.resources ?? 5_000;
  const runs = opts.runs ?? 3;
  console.log(`▶ 匹配基准：${needs} 条需求 × ${resources} 项资源，每处 ${runs} 次`);
  const figures: Figure[] = [];
  if (opts.workerd !== false) figures.push(...(await inWorkerd(needs, resources, runs)));
  figures.push(...inNode(needs, resources, runs));
  printTable(figures);
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      needs: { type: 'string', default: '20000' },
      resources: { type: 'string', default: '5000' },
      runs: { type: 'string', default: '3' },
      'skip-workerd': { type: 'boolean', default: false },
    },
  });
  const figures = await runMatchingBench({
    needs: Number(values.needs),
    resources: Number(values.resources),
    runs: Number(values.runs),
    workerd: !values['skip-workerd'],
  });
  console.log('');
  for (const f of figures) console.log(JSON.stringify(f));
}
