// 以奖代补 allocation engine benchmark: one allocation of 10,000 recipients
// per method (issue 12), with a budget short of demand, a cap and a floor so
// the redistribution rounds and the largest-remainder rounding all run.
// Recipients come from a fixed seed, so every run allocates the same round.
//   node bench/rewards.ts [--recipients 10000] [--runs 5]
// Prints a table and one JSON line per figure: {"name","value","unit"}.
// CPU time (process.cpuUsage, user + system) of `allocate` only, median of the runs.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatYuan } from '../packages/core/src/money.ts';
import { allocate, GRADES, type AllocationInput, type AllocationMethod, type Recipient } from '../packages/rewards/src/index.ts';
import { median } from './lib/stats.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** mulberry32: a small seeded generator, so the round is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchRecipients(n: number, seed = 20_251_231): Recipient[] {
  const rnd = prng(seed);
  const designations = ['standardized', 'strongest_county', 'strongest_city', 'demo_site_county'];
  return Array.from({ length: n }, (_, i) => ({
    id: `rcp${String(i).padStart(6, '0')}`,
    name: `党支部${i}`,
    facts: {
      grade: GRADES[Math.min(3, Math.floor(rnd() * 4.4))]!,
      scoreHundredths: 5000 + Math.floor(rnd() * 5000),
      designations: designations.filter(() => rnd() < 0.3),
      underRectification: rnd() < 0.03,
      memberReportOk: rnd() > 0.05,
    },
  }));
}

const METHODS: { name: string; label: string; method: AllocationMethod; budgetFen: number }[] = [
  { name: 'tiered_grade', label: '按等次定额', method: { kind: 'tiered_grade', tiers: { excellent: 800_000, good: 500_000, fair: 200_000 } }, budgetFen: 3_000_000_000 },
  {
    name: 'tiered_designation',
    label: '按认定定额',
    method: { kind: 'tiered_designation', tiers: [{ designation: 'standardized', amountFen: 300_000 }, { designation: 'strongest_county', amountFen: 600_000 }, { designation: 'demo_site_county', amountFen: 800_000 }] },
    budgetFen: 2_000_000_000,
  },
  { name: 'proportional', label: '按超出分值比例', method: { kind: 'proportional', thresholdHundredths: 6000 }, budgetFen: 4_000_000_000 },
  {
    name: 'base_uplift',
    label: '基数加上浮',
    method: { kind: 'base_uplift', baseFen: 500_000, uplifts: [{ designation: 'standardized', percentBp: 1000 }, { designation: 'strongest_county', percentBp: 3000 }, { designation: 'strongest_city', fixedFen: 1_000_000 }] },
    budgetFen: 4_500_000_000,
  },
];

export function runRewardsBench(opts: { recipients?: number; runs?: number } = {}): Figure[] {
  const n = opts.recipients ?? 10_000;
  const runs = opts.runs ?? 5;
  console.log(`▶ 以奖代补分配引擎：${n.toLocaleString('en-US')} 个单位，每种办法 ${runs} 次（预算不足、单个上限 12,000 元、下限 500 元）`);
  const recipients = benchRecipients(n);
  const figures: Figure[] = [];
  const rows: string[][] = [];
  for (const m of METHODS) {
    const input: AllocationInput = { budgetFen: m.budgetFen, method: m.method, rules: { eligibility: { minGrade: 'fair', excludeUnderRectification: true, requireMemberReport: true }, capFen: 1_200_000, floorFen: 50_000 }, recipients };
    allocate(input); // warm-up: the JIT compiles before the measured runs
    const times: number[] = [];
    let last = allocate(input);
    for (let i = 0; i < runs; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      const c0 = process.cpuUsage();
      last = allocate(input);
      const cpu = process.cpuUsage(c0);
      times.push((cpu.user + cpu.system) / 1000);
    }
    const awarded = last.lines.filter((l) => l.amountFen > 0).length;
    const ms = median(times);
    rows.push([m.label, String(awarded), formatYuan(last.allocatedFen), String(last.rounds), ms.toFixed(1), times.map((t) => t.toFixed(0)).join(' / ')]);
    figures.push({ name: `rewards.allocate_${n}.${m.name}.cpu`, value: round(ms), unit: 'ms' }, { name: `rewards.allocate_${n}.${m.name}.rounds`, value: last.rounds, unit: 'rounds' });
  }
  const head = ['分配办法', '获奖单位', '分配合计（元）', '轮数', 'CPU ms（中位）', '各次 CPU ms'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((x, i) => (i === 0 ? x + ' '.repeat(cols[i]! - width(x)) : ' '.repeat(cols[i]! - width(x)) + x)).join('  ');
  console.log('\n' + line(head));
  console.log(cols.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { recipients: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
  const recipients = Number(values.recipients);
  const runs = Number(values.runs);
  if (!Number.isInteger(recipients) || recipients < 1) throw new Error('--recipients 须为正整数');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs 须为正整数');
  const figures = runRewardsBench({ recipients, runs });
  console.log('');
  for (const f of figures) console.log(JSON.stringify(f));
}
