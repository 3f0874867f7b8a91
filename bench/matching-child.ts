// One process of the matching benchmark (bench/matching.ts spawns it): builds
// the county instance, then calls `assign` `--calls` times and prints one JSON
// line with the CPU time, wall time and peak memory of each call. The first
// call in a fresh process pays the JIT warm-up (what a Worker isolate that
// has not run the engine yet pays); the later ones are warm.
//   node --expose-gc bench/matching-child.ts --needs 20000 --resources 5000 --calls 3 [--impl path/to/matching/index.ts]
// `--impl` runs another copy of the engine (bench/matching.ts extracts the
// baseline commit's packages there), so before and after run side by side.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCounty } from './matching-data.ts';

const { values } = parseArgs({
  options: {
    needs: { type: 'string', default: '20000' },
    resources: { type: 'string', default: '5000' },
    calls: { type: 'string', default: '3' },
    impl: { type: 'string' },
  },
});

type Assign = typeof import('../packages/matching/src/index.ts').assign;
const mod = (await import(values.impl ? pathToFileURL(resolve(values.impl)).href : '../packages/matching/src/index.ts')) as { assign: Assign };

/**
 * CPU of the main thread alone (utime + stime of /proc/self/task/<pid>/stat, in clock ticks of 10 ms): what the
 * call's own thread spent, without V8's background compiler and collector threads, which process.cpuUsage counts.
 */
function mainThreadMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are 14th and 15th.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * 10;
  } catch {
    return null;
  }
}

function kb(key: string): number {
  const text = readFileSync('/proc/self/status', 'utf8');
  return Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
}

const inst = generateCounty({ needs: Number(values.needs), resources: Number(values.resources) });
const calls: { cpu: number; mainCpu: number | null; wall: number; peakMb: number | null }[] = [];
let result: { units: number; weighted: number; cost: number; nodes: number; edges: number; hubs: number; needClasses: number; resourceClasses: number } | null = null;
for (let i = 0; i < Number(values.calls); i++) {
  (globalThis as { gc?: () => void }).gc?.();
  let reset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    reset = false;
  }
  const before = kb('VmRSS');
  const m0 = mainThreadMs();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = mod.assign(inst.needs, inst.resources, inst.options);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const m1 = mainThreadMs();
  calls.push({ cpu: (cpu.user + cpu.system) / 1000, mainCpu: m0 === null || m1 === null ? null : m1 - m0, wall, peakMb: reset ? (kb('VmHWM') - before) / 1024 : null });
  const s = r.stats;
  result = { units: r.unitsServed, weighted: r.weightedServed, cost: r.totalCost, nodes: s.nodes, edges: s.edges, hubs: s.hubs, needClasses: s.needClasses, resourceClasses: s.resourceClasses };
}
console.log(JSON.stringify({ calls, result }));
