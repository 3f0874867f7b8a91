// The local D1 databases opened straight from their SQLite files with node:sqlite,
// for writes too large for wrangler's platform proxy: at ×10 the bench's seed sends
// hundreds of thousands of rows, and the proxy's loopback fetches failed under load
// ("fetch failed", "Too many open files"). The files are the ones `wrangler dev`
// uses; the proxy must be disposed first so that only one process writes them.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DATABASES, persistRoot, type LocalDb, type LocalPlatform } from './local-platform.ts';

const D1_DIR = 'v3/d1/miniflare-D1DatabaseObject';

type Value = string | number | bigint | null | Uint8Array;
const bindable = (v: unknown): Value => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return v as Value;
};

/** Told of every statement run: its SQL and the CPU it took (measuring aids, e.g. bench/dashboards-profile.ts). */
export type StatementObserver = (sql: string, cpuMs: number) => void;

/**
 * The part of D1's API the seed, the bench's preparation and its measuring
 * scripts use, over one SQLite connection. Statements are compiled once per
 * SQL text, as D1 keeps them.
 */
export function d1Over(sqlite: DatabaseSync, observe?: StatementObserver): D1Database {
  const compiled = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const statement = (query: string) => {
    let st = compiled.get(query);
    if (!st) {
      // Bounded: a script that spells values into its SQL must not keep every text it ran.
      if (compiled.size >= 1_000) compiled.clear();
      compiled.set(query, (st = sqlite.prepare(query)));
    }
    return st;
  };
  const timed = <T>(query: string, run: () => T): T => {
    if (!observe) return run();
    const before = process.cpuUsage();
    const out = run();
    const used = process.cpuUsage(before);
    observe(query, (used.user + used.system) / 1000);
    return out;
  };
  const meta = () => {
    const r = statement('SELECT changes() AS c, last_insert_rowid() AS r').get() as { c: number; r: number };
    return { changes: r.c, last_row_id: r.r, duration: 0, rows_read: 0, rows_written: r.c, changed_db: r.c > 0, size_after: 0 };
  };
  class Statement {
    readonly sql: string;
    readonly params: Value[];
    constructor(sql: string, params: Value[] = []) {
      this.sql = sql;
      this.params = params;
    }
    bind(...values: unknown[]) {
      return new Statement(this.sql, values.map(bindable));
    }
    rows(arrays: boolean) {
      const st = statement(this.sql);
      st.setReturnArrays(arrays);
      const rows = timed(this.sql, () => st.all(...this.params) as unknown[]);
      return { rows, columns: arrays ? st.columns().map((c) => c.name) : [] };
    }
    result() {
      const { rows } = this.rows(false);
      return { results: rows, success: true as const, meta: meta() };
    }
    async all() {
      return this.result();
    }
    async run() {
      return this.result();
    }
    async first(column?: string) {
      const row = this.rows(false).rows[0] as Record<string, unknown> | undefined;
      if (!row) return null;
      return column ? row[column] : row;
    }
    async raw(opts?: { columnNames?: boolean }) {
      const { rows, columns } = this.rows(true);
      return opts?.columnNames ? [columns, ...rows] : rows;
    }
  }
  const db = {
    prepare: (query: string) => new Statement(query),
    // A D1 batch is atomic: one SQLite transaction here.
    async batch(statements: Statement[]) {
      sqlite.exec('BEGIN');
      try {
        const out = statements.map((s) => s.result());
        sqlite.exec('COMMIT');
        return out;
      } catch (err) {
        sqlite.exec('ROLLBACK');
        throw err;
      }
    },
    async exec(query: string) {
      timed(query, () => sqlite.exec(query));
      return { count: 1, duration: 0 };
    },
    withSession() {
      return db;
    },
    async dump() {
      throw new Error('dump() is not available on the direct SQLite platform');
    },
  };
  return db as unknown as D1Database;
}

/**
 * Which SQLite file holds which binding. Miniflare names a database's file by
 * its Durable Object id, which only it computes; so each database gets a
 * marker table through the proxy, the files are searched for it, and the
 * markers are dropped again.
 */
export async function locateSqliteFiles(proxy: LocalPlatform, persistTo?: string): Promise<Map<string, string>> {
  const dir = resolve(persistRoot(persistTo), D1_DIR);
  const marker = (d: LocalDb) => `_ronghe_locate_${d.binding.toLowerCase()}`;
  for (const d of DATABASES) await proxy.db(d).exec(`CREATE TABLE IF NOT EXISTS ${marker(d)} (x INTEGER)`);
  const found = new Map<string, string>();
  try {
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sqlite')) : [];
    for (const f of files) {
      const sqlite = new DatabaseSync(join(dir, f), { readOnly: true });
      try {
        const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_ronghe\\_locate\\_%' ESCAPE '\\'").all() as { name: string }[]).map((r) => r.name);
        for (const d of DATABASES) if (names.includes(marker(d))) found.set(d.binding, join(dir, f));
      } finally {
        sqlite.close();
      }
    }
  } finally {
    for (const d of DATABASES) await proxy.db(d).exec(`DROP TABLE IF EXISTS ${marker(d)}`);
  }
  const missing = DATABASES.filter((d) => !found.has(d.binding)).map((d) => d.binding);
  if (missing.length) throw new Error(`在 ${dir} 中找不到这些数据库的文件：${missing.join('、')}`);
  return found;
}

/**
 * Large writes (the demo seed) straight into the local databases' SQLite files: each binding's file is
 * found through the platform proxy, the proxy is closed (so one process writes the files), `write`
 * runs on the files, and they are closed after. The proxy is closed whatever happens; reopen one to
 * read through workerd again.
 */
export async function writeThroughFiles<T>(proxy: LocalPlatform, persistTo: string | undefined, write: (direct: LocalPlatform) => Promise<T>): Promise<T> {
  let files: Map<string, string>;
  try {
    files = await locateSqliteFiles(proxy, persistTo);
  } finally {
    await proxy.dispose();
  }
  const direct = openSqlitePlatform(files);
  try {
    return await write(direct);
  } finally {
    await direct.dispose();
  }
}

/** One SQLite file as a D1 database (a copy of a county's, for measuring scripts). */
export function openSqliteD1(path: string, opts: { readOnly?: boolean; observe?: StatementObserver } = {}): { db: D1Database; sqlite: DatabaseSync } {
  const sqlite = new DatabaseSync(path, { readOnly: opts.readOnly ?? false });
  sqlite.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000');
  return { db: d1Over(sqlite, opts.observe), sqlite };
}

/** The databases opened from their files (see `locateSqliteFiles`); the proxy that located them must be disposed first. */
export function openSqlitePlatform(files: Map<string, string>): LocalPlatform {
  const open = new Map<string, { sqlite: DatabaseSync; db: D1Database }>();
  return {
    db(d) {
      let entry = open.get(d.binding);
      if (!entry) {
        const path = files.get(d.binding);
        if (!path) throw new Error(`没有数据库 ${d.binding}（${d.name}）的文件`);
        // D1 enforces foreign keys; the seed relies on the same checks (openSqliteD1 turns them on).
        entry = openSqliteD1(path);
        open.set(d.binding, entry);
      }
      return entry.db;
    },
    async dispose() {
      for (const { sqlite } of open.values()) sqlite.close();
      open.clear();
    },
  };
}
