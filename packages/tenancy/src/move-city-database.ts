/**
 * The one-time data move of ADR 0013: until then the city tenant (赤峰市) lived
 * in the control database. This copies the city's tenant rows into the city's
 * own database, checks that every row arrived, and only then drops the tenant
 * tables from the control database and rewrites its migration bookkeeping to
 * the control-only set. Running it again finds nothing to move and changes
 * nothing; a run stopped half-way is simply run again (the copy replaces rows
 * by primary key, and control is only touched after the copy is verified).
 *
 * Plain D1 API, no Node: `pnpm db:migrate` and `pnpm start` run it through
 * wrangler's platform proxy, the test runs it inside workerd.
 */

/** What the control database keeps (schema/drizzle.control.config.ts). */
export const CONTROL_TABLES: readonly string[] = ['users', 'role_grants', 'sessions', 'audit_log'];

/** Identity changes (logins, accounts, grants) stay in the control audit trail; everything else the city did moves with it. */
const IDENTITY_AUDIT = `entity_type = 'user'`;

// SQLite's, D1's and the migrators' own tables are not data to move.
const BOOKKEEPING = /^(sqlite_|_cf_|d1_migrations$|__drizzle_migrations$)/;

// The append-only trigger the control set creates (schema/migrations/control/0000_control.sql);
// lifted for exactly the moved rows' DELETE, then put back in the same batch.
const AUDIT_NO_DELETE = `CREATE TRIGGER \`audit_log_no_delete\` BEFORE DELETE ON \`audit_log\`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END`;

/** Rows per INSERT … FROM json_each(?): one bound parameter, kept well under D1's 100 KB per statement. */
const MAX_JSON_BYTES = 80_000;

export interface CityMoveReport {
  /** False when the control database was already control-only: nothing was done. */
  moved: boolean;
  /** Rows copied into the city database, per table. */
  rows: Record<string, number>;
  /** Tables dropped from the control database. */
  dropped: string[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tableNames(db: D1Database): Promise<string[]> {
  const rows = await db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all<{ name: string; sql: string | null }>();
  // Virtual tables (and their shadow tables) are indexes rebuilt from their content, never data of their own.
  const virtual = rows.results.filter((r) => /^\s*create\s+virtual/i.test(r.sql ?? '')).map((r) => r.name);
  return rows.results
    .map((r) => r.name)
    .filter((n) => !BOOKKEEPING.test(n) && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
}

async function columns(db: D1Database, table: string): Promise<string[]> {
  const rows = await db.prepare(`SELECT name FROM pragma_table_info(?1) ORDER BY cid`).bind(table).all<{ name: string }>();
  return rows.results.map((r) => r.name);
}

async function parentsOf(db: D1Database, table: string): Promise<string[]> {
  const rows = await db.prepare(`SELECT DISTINCT "table" AS parent FROM pragma_foreign_key_list(?1)`).bind(table).all<{ parent: string }>();
  return rows.results.map((r) => r.parent).filter((p) => p !== table);
}

/** Parents before children, so a reader of the copy order (and the drops, reversed) never meets a dangling reference. */
async function dependencyOrder(db: D1Database, tables: readonly string[]): Promise<string[]> {
  const parents = new Map(await Promise.all(tables.map(async (t) => [t, (await parentsOf(db, t)).filter((p) => tables.includes(p))] as const)));
  const out: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (out.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

/** True while the control database still holds the city's tenant tables (the layout before ADR 0013). */
export async function controlHoldsCity(control: D1Database): Promise<boolean> {
  const row = await control.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'organizations'`).first<{ n: number }>();
  return (row?.n ?? 0) > 0;
}

const where = (table: string) => (table === 'audit_log' ? ` WHERE NOT (${IDENTITY_AUDIT})` : '');

async function count(db: D1Database, table: string): Promise<number> {
  return (await db.prepare(`SELECT count(*) AS n FROM ${q(table)}${where(table)}`).first<{ n: number }>())?.n ?? 0;
}

/** Splits rows into JSON arrays of at most MAX_JSON_BYTES (a single larger row goes alone). */
function chunks(rows: readonly Record<string, unknown>[]): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let size = 2;
  const encoder = new TextEncoder();
  for (const r of rows) {
    const json = JSON.stringify(r);
    const bytes = encoder.encode(json).length + 1;
    if (part.length > 0 && size + bytes > MAX_JSON_BYTES) {
      out.push(`[${part.join(',')}]`);
      part = [];
      size = 2;
    }
    part.push(json);
    size += bytes;
  }
  if (part.length > 0) out.push(`[${part.join(',')}]`);
  return out;
}

export async function moveCityOutOfControl({
  control,
  city,
  controlMigrations,
}: {
  control: D1Database;
  /** The city's own database, already migrated with the tenant set. */
  city: D1Database;
  /**
   * File names of the control migration set (schema/migrations/control). Only the
   * first, the baseline (users, grants, sessions, audit), is what the move
   * leaves behind, so only it is recorded as applied; later control migrations
   * (e.g. 0001_events) are applied by wrangler afterwards like any other.
   */
  controlMigrations: readonly string[];
}): Promise<CityMoveReport> {
  if (!(await controlHoldsCity(control))) return { moved: false, rows: {}, dropped: [] };

  const cityTables = new Set(await tableNames(city));
  if (!cityTables.has('organizations')) throw new Error('城市库尚未应用租户迁移（schema/migrations/tenant），不能搬迁数据');

  const tenantTables = (await tableNames(control)).filter((t) => !CONTROL_TABLES.includes(t));
  const moving = await dependencyOrder(control, [...tenantTables, 'audit_log']);

  // 1. Copy, in one batch (one transaction): all of it arrives or none does.
  const copy: D1PreparedStatement[] = [city.prepare('PRAGMA defer_foreign_keys = on')];
  const rows: Record<string, number> = {};
  for (const table of moving) {
    if (!cityTables.has(table)) throw new Error(`城市库缺少表 ${table}：先应用全部租户迁移`);
    const [from, to] = await Promise.all([columns(control, table), columns(city, table)]);
    const lost = from.filter((c) => !to.includes(c));
    if (lost.length > 0) throw new Error(`城市库的 ${table} 缺少列 ${lost.join('、')}：搬迁会丢数据，已停止`);
    const data = (await control.prepare(`SELECT * FROM ${q(table)}${where(table)} ORDER BY rowid`).all<Record<string, unknown>>()).results;
    rows[table] = data.length;
    const cols = from.map(q).join(', ');
    const values = from.map((c) => `value ->> ${`'${c.replace(/'/g, "''")}'`}`).join(', ');
    // REPLACE by primary key: the tenant migrations seed rows (the default categories) the control database may since have edited.
    for (const json of chunks(data)) copy.push(city.prepare(`INSERT OR REPLACE INTO ${q(table)} (${cols}) SELECT ${values} FROM json_each(?1)`).bind(json));
  }
  await city.batch(copy);

  // 2. Verify before touching control: every row of every moved table is in the city database.
  for (const table of moving) {
    const [there, here] = await Promise.all([count(control, table), count(city, table)]);
    if (here !== there) throw new Error(`搬迁核对失败：${table} 控制库 ${there} 行，城市库 ${here} 行；控制库未改动`);
    const missing = await missingIds(control, city, table);
    if (missing > 0) throw new Error(`搬迁核对失败：${table} 有 ${missing} 行未到城市库；控制库未改动`);
  }

  // 3. Control becomes control-only, in one batch: the tenant tables go (children first),
  // the city's audit rows leave the identity trail, and the bookkeeping names the control set.
  const drops = moving.filter((t) => t !== 'audit_log').reverse();
  await control.batch([
    control.prepare('PRAGMA defer_foreign_keys = on'),
    ...drops.map((t) => control.prepare(`DROP TABLE ${q(t)}`)),
    control.prepare('DROP TRIGGER IF EXISTS `audit_log_no_delete`'),
    control.prepare(`DELETE FROM audit_log WHERE NOT (${IDENTITY_AUDIT})`),
    control.prepare(AUDIT_NO_DELETE),
    control.prepare('DELETE FROM d1_migrations'),
    ...[...controlMigrations].sort().slice(0, 1).map((name) => control.prepare('INSERT INTO d1_migrations (name) VALUES (?1)').bind(name)),
  ]);
  return { moved: true, rows, dropped: drops };
}

/** Rows of `table` in control whose primary key is not in the city database (compared by key, in JSON chunks). */
async function missingIds(control: D1Database, city: D1Database, table: string): Promise<number> {
  const pk = (await control.prepare(`SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk`).bind(table).all<{ name: string }>()).results.map((r) => r.name);
  const key = pk.length > 0 ? pk : ['rowid'];
  const expr = key.length === 1 ? q(key[0]!) : `json_array(${key.map(q).join(', ')})`;
  const here = new Set((await city.prepare(`SELECT ${expr} AS k FROM ${q(table)}`).all<{ k: unknown }>()).results.map((r) => String(r.k)));
  const there = (await control.prepare(`SELECT ${expr} AS k FROM ${q(table)}${where(table)}`).all<{ k: unknown }>()).results;
  return there.filter((r) => !here.has(String(r.k))).length;
}
