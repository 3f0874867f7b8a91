// The city rollup's benchmark (issue 13, ADR 0022): 200 generated tenants.
//   node bench/rollup.ts [--tenants 200] [--reads 20]
// Each tenant is a SQLite file (node:sqlite) built from the real tenant
// migrations, behind a small D1-shaped adapter, and filled with a randomly
// generated county (packages/rollup/src/random-county.ts). The rollup's own
// code runs unchanged against it: the statements, the batches, the control
// writes and the one-statement read. Why files and not Miniflare with 200 D1
// databases: the figure we want is the rollup's cost in statements and its
// time on SQLite, and 200 D1 databases under Miniflare would spend minutes on
// migrations and loopback round trips that say nothing about the rollup;
// the statement counts below are what D1 bills against the per-invocation limits.
// Prints a table and one JSON line per figure: {"name","value","unit"}.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import { ALL_SOURCES, readCityRollup, recountCounties, recountMessages, refreshCounty } from '../packages/rollup/src/index.ts';
import { generateModel, writeModel } from '../packages/rollup/src/random-county.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const round = (v: number) => Math.round(v * 100) / 100;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** Statements executed, and connections open at once, across every adapter. */
export const counters = { statements: 0, open: 0, maxOpen: 0 };

type Row = Record<string, unknown>;

/** A D1Database over one SQLite file: prepare/bind/first/all/run and batch (one transaction). */
function d1Over(path: string): D1Database {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;');
  const exec = (sql: string, binds: unknown[]) => {
    counters.statements++;
    const s = db.prepare(sql);
    const args = binds.map((v) => (typeof v === 'boolean' ? Number(v) : v)) as Array<null | number | string>;
    return /^\s*(select|with|pragma)/i.test(sql) || /returning/i.test(sql) ? (s.all(...args) as Row[]) : (s.run(...args), [] as Row[]);
  };
  const stmt = (sql: string, binds: unknown[] = []): D1PreparedStatement =>
    ({
      bind: (...v: unknown[]) => stmt(sql, v),
      first: async (col?: string) => {
        const r = exec(sql, binds)[0] ?? null;
        return col && r ? r[col] : r;
      },
      all: async () => ({ results: exec(sql, binds), success: true, meta: {} }),
      run: async () => ({ results: exec(sql, binds), success: true, meta: {} }),
      raw: async () => exec(sql, binds).map((r) => Object.values(r)),
      __sql: sql,
      __binds: binds,
    }) as unknown as D1PreparedStatement;
  const gate = async <T>(fn: () => T): Promise<T> => {
    counters.open++;
    counters.maxOpen = Math.max(counters.maxOpen, counters.open);
    try {
      await Promise.resolve();
      return fn();
    } finally {
      counters.open--;
    }
  };
  return {
    prepare: (sql: string) => stmt(sql),
    batch: (list: D1PreparedStatement[]) =>
      gate(() => {
        db.exec('BEGIN');
        try {
          const out = list.map((s) => {
            const { __sql, __binds } = s as unknown as { __sql: string; __binds: unknown[] };
            return { results: exec(__sql, __binds), success: true, meta: {} };
          });
          db.exec('COMMIT');
          return out;
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
      }),
    exec: async (sql: string) => (db.exec(sql), { count: 1, duration: 0 }),
  } as unknown as D1Database;
}

function migrated(dir: string, set: 'tenant' | 'control', path: string): void {
  const db = new DatabaseSync(path);
  const files = readdirSync(join(ROOT, 'schema/migrations', set)).filter((f) => f.endsWith('.sql')).sort();
  for (const f of files) db.exec(readFileSync(join(ROOT, 'schema/migrations', set, f), 'utf8'));
  db.close();
}

export async function runRollupBench(opts: { tenants: number; reads: number; dir?: string }): Promise<Figure[]> {
  const dir = resolve(ROOT, opts.dir ?? '.bench/rollup');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  console.log(`▶ 市级汇总：${opts.tenants} 个随机生成的旗县区（SQLite 文件，真实迁移）`);
  migrated(dir, 'tenant', join(dir, 'template.sqlite'));
  migrated(dir, 'control', join(dir, 'control.sqlite'));
  const control = d1Over(join(dir, 'control.sqlite'));
  const tenants = Array.from({ length: opts.tenants }, (_, i) => ({ slug: `sim${i}`, code: `15${String(i).padStart(4, '0')}`, name: `模拟旗县${i}`, kind: 'county' as const, binding: `DB_SIM${i}` }));
  const env: Record<string, unknown> = { DB_CONTROL: control };
  for (const [i, t] of tenants.entries()) {
    const file = join(dir, `${t.slug}.sqlite`);
    copyFileSync(join(dir, 'template.sqlite'), file);
    const d1 = d1Over(file);
    env[t.binding] = d1;
    await writeModel(d1, generateModel(1000 + i, now, 's'), now);
  }
  const figures: Figure[] = [];

  // 1. One county's refresh: every source in one tenant batch, stored in one control batch.
  const times: number[] = [];
  for (const t of tenants.slice(0, Math.min(50, tenants.length))) {
    const start = performance.now();
    await refreshCounty(control, t.slug, env[t.binding] as D1Database, ALL_SOURCES, { now });
    times.push(performance.now() - start);
  }
  figures.push({ name: 'rollup_refresh_county_p50', value: round(pct(times, 0.5)), unit: 'ms' }, { name: 'rollup_refresh_county_p95', value: round(pct(times, 0.95)), unit: 'ms' });

  // 2. The full recount: one queue message per batch of counties, each its own invocation.
  const messages = recountMessages(tenants, now);
  let worstStatements = 0;
  let worstOpen = 0;
  const start = performance.now();
  for (const m of messages) {
    counters.statements = 0;
    counters.maxOpen = 0;
    const out = await recountCounties(env, tenants.filter((t) => m.tenants.includes(t.slug)), { now: now + 1 });
    if (out.failed.length) throw new Error(`recount failed: ${JSON.stringify(out.failed)}`);
    worstStatements = Math.max(worstStatements, counters.statements);
    worstOpen = Math.max(worstOpen, counters.maxOpen);
  }
  figures.push(
    { name: `rollup_recount_${opts.tenants}_tenants`, value: round(performance.now() - start), unit: 'ms' },
    { name: 'rollup_recount_messages', value: messages.length, unit: 'messages' },
    { name: 'rollup_recount_statements_per_invocation_max', value: worstStatements, unit: 'statements (limit 1000)' },
    { name: 'rollup_recount_connections_max', value: worstOpen + 1, unit: 'connections (limit 6, control included)' },
  );

  // 3. The rollup read: one statement for every county.
  const reads: number[] = [];
  counters.statements = 0;
  for (let i = 0; i < opts.reads; i++) {
    const s = performance.now();
    const r = await readCityRollup(control, { now, counties: tenants });
    reads.push(performance.now() - s);
    if (r.counties.filter((c) => c.figures).length !== tenants.length) throw new Error('a county has no figures');
  }
  figures.push(
    { name: `rollup_read_${opts.tenants}_tenants_p50`, value: round(pct(reads, 0.5)), unit: 'ms' },
    { name: 'rollup_read_statements', value: counters.statements / opts.reads, unit: 'statements' },
  );
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { tenants: { type: 'string', default: '200' }, reads: { type: 'string', default: '20' } } });
  const figures = await runRollupBench({ tenants: Number(values.tenants), reads: Number(values.reads) });
  console.table(figures);
  for (const f of figures) console.log(JSON.stringify(f));
}
