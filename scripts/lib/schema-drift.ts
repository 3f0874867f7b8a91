// Schema drift, checked two ways (issue 16):
//  1. drizzle-kit generate against a copy of the migrations adds nothing — the
//     JSON snapshots agree with the drizzle tables;
//  2. the committed SQL, applied to an empty SQLite database, builds the same
//     schema as the drizzle tables declare plus the hand-written objects —
//     drizzle-kit never reads the SQL, so a hand-edited migration that loses a
//     CHECK, an index or a trigger passes check 1 and only fails here.
// Used by test/repo/schema-drift.test.ts and `pnpm db:check`. Node 22 runs it
// natively, so only erasable TypeScript here.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';

export const ROOT = new URL('../..', import.meta.url).pathname;

export type DbKind = 'tenant' | 'control';
export const DB_KINDS: readonly DbKind[] = ['tenant', 'control'];

interface KitConfig {
  schema: string | string[];
  out: string;
}

// schema/drizzle.<kind>.config.ts is the one place that says which tables a
// database holds and where its migrations live.
async function kitConfig(kind: DbKind): Promise<{ schema: string[]; out: string }> {
  const mod = (await import(pathToFileURL(join(ROOT, `schema/drizzle.${kind}.config.ts`)).href)) as { default: KitConfig };
  const { schema, out } = mod.default;
  return { schema: Array.isArray(schema) ? schema : [schema], out };
}

// ---------------------------------------------------------------- check 1

export interface GenerateResult {
  printed: string;
  added: string[];
}

// drizzle-kit generate into a copy of the committed migrations; an in-sync
// schema prints "No schema changes" and writes no file.
export async function generateIntoCopy(kind: DbKind): Promise<GenerateResult> {
  const { schema, out } = await kitConfig(kind);
  // drizzle-kit wants an --out relative to the project; node_modules/.cache keeps the repo clean.
  const copy = `node_modules/.cache/ronghe-drift/${kind}`;
  rmSync(join(ROOT, copy), { recursive: true, force: true });
  mkdirSync(join(ROOT, copy), { recursive: true });
  cpSync(join(ROOT, out), join(ROOT, copy), { recursive: true });
  const before = new Set(readdirSync(join(ROOT, copy), { recursive: true }).map(String));
  const config = `${copy}.config.ts`;
  writeFileSync(join(ROOT, config), `export default ${JSON.stringify({ dialect: 'sqlite', schema, out: copy, breakpoints: true })};\n`);
  const printed = execFileSync(join(ROOT, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const added = readdirSync(join(ROOT, copy), { recursive: true })
    .map(String)
    .filter((f) => !before.has(f))
    .sort();
  return { printed, added };
}

// ---------------------------------------------------------------- check 2

export interface Migration {
  tag: string;
  statements: string[];
}

// The committed migrations in journal order, split the way drizzle's migrator splits them.
export async function readMigrations(kind: DbKind): Promise<Migration[]> {
  const { out } = await kitConfig(kind);
  const dir = join(ROOT, out);
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => ({
      tag,
      statements: readFileSync(join(dir, `${tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    }));
}

// The full CREATE SQL drizzle-kit writes for the tables, as if migrating from nothing.
export async function declaredStatements(kind: DbKind): Promise<string[]> {
  const { schema } = await kitConfig(kind);
  const tables: Record<string, unknown> = {};
  for (const file of schema) Object.assign(tables, await import(pathToFileURL(join(ROOT, file)).href));
  const [empty, current] = await Promise.all([generateSQLiteDrizzleJson({}), generateSQLiteDrizzleJson(tables)]);
  return generateSQLiteMigration(empty, current);
}

export function emptyDatabase(): DatabaseSync {
  return new DatabaseSync(':memory:');
}

export function run(db: DatabaseSync, statements: readonly string[], where: string): void {
  statements.forEach((sql, i) => {
    try {
      db.exec(sql);
    } catch (err) {
      throw new Error(`${where}, statement ${i + 1} failed: ${(err as Error).message}\n${sql}`);
    }
  });
}

export async function migratedDatabase(kind: DbKind): Promise<DatabaseSync> {
  const db = emptyDatabase();
  for (const m of await readMigrations(kind)) run(db, m.statements, `${kind} migration ${m.tag}.sql`);
  return db;
}

// ------------------------------------------------------------ normalizing

type Token = { kind: 'word' | 'ident' | 'string' | 'punct'; text: string };

// SQL into tokens with comments dropped, identifiers unquoted and lowercased
// (SQLite compares names case-insensitively), string literals kept verbatim.
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      tokens.push({ kind: 'string', text: sql.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      let name = '';
      while (j < sql.length) {
        if (sql[j] === close && sql[j + 1] === close && close !== ']') {
          name += close;
          j += 2;
        } else if (sql[j] === close) {
          break;
        } else {
          name += sql[j];
          j++;
        }
      }
      tokens.push({ kind: 'ident', text: name.toLowerCase() });
      i = j + 1;
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i;
      while (j < sql.length && /[A-Za-z0-9_$.]/.test(sql[j]!) && !(sql[j] === '.' && !/[0-9]/.test(c))) j++;
      tokens.push({ kind: 'word', text: sql.slice(i, j).toLowerCase() });
      i = j;
    } else {
      const two = sql.slice(i, i + 2);
      const op = ['<=', '>=', '<>', '!=', '==', '||', '<<', '>>', '->'].includes(two) ? two : c;
      tokens.push({ kind: 'punct', text: op });
      i += op.length;
    }
  }
  return tokens;
}

const isName = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'ident');

// Tokens back to one canonical line: single spaces, none inside parentheses or before commas.
function render(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    const glue = out === '' || out.endsWith('(') || out.endsWith('.') || [')', ',', '.', ';'].includes(t.text);
    out += (glue ? '' : ' ') + t.text;
  }
  return out;
}

export function normalizeSql(sql: string): string {
  const tokens = tokenize(sql);
  while (tokens.at(-1)?.text === ';') tokens.pop();
  return render(tokens);
}

// Inside a table's CHECK a qualifier can only name the table itself (drizzle
// writes "needs"."quantity"; a rebuilt table says "__new_needs"), so drop it.
function dropQualifiers(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isName(tokens[i]) && tokens[i + 1]?.text === '.' && isName(tokens[i + 2])) {
      i++;
      continue;
    }
    out.push(tokens[i]!);
  }
  return out;
}

// Index of the ')' matching the '(' at `open`.
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.text === '(') depth++;
    if (tokens[i]!.text === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

// Every CHECK of a CREATE TABLE, by constraint name (or by its expression when unnamed).
export function checksOf(createTable: string): Map<string, string> {
  const tokens = tokenize(createTable);
  const checks = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!(tokens[i]!.kind === 'word' && tokens[i]!.text === 'check' && tokens[i + 1]?.text === '(')) continue;
    const end = closing(tokens, i + 1);
    const expr = render(dropQualifiers(tokens.slice(i + 2, end)));
    const named = tokens[i - 2]?.text === 'constraint' && isName(tokens[i - 1]);
    checks.set(named ? tokens[i - 1]!.text : `(${expr})`, expr);
    i = end;
  }
  return checks;
}

// An index's key list and partial WHERE from its CREATE INDEX.
function indexParts(createIndex: string): { keys: string; where: string } {
  const tokens = tokenize(createIndex);
  while (tokens.at(-1)?.text === ';') tokens.pop();
  const open = tokens.findIndex((t) => t.text === '(');
  const end = closing(tokens, open);
  const rest = tokens.slice(end + 1);
  const where = rest[0]?.text === 'where' ? render(rest.slice(1)) : render(rest);
  return { keys: render(tokens.slice(open + 1, end)), where };
}

// ---------------------------------------------------------------- shapes

// A schema as a flat map: address ("table needs › check needs_quantity_positive")
// → canonical definition. Two schemas agree when the maps are equal.
export type Shape = Map<string, string>;

type Row = Record<string, string | number | bigint | null | Uint8Array>;

const str = (v: Row[string] | undefined) => (v === null || v === undefined ? '' : String(v));

export function shapeOf(db: DatabaseSync): Shape {
  const shape: Shape = new Map();
  const q = (sql: string, ...params: string[]) => db.prepare(sql).all(...params) as Row[];
  const master = new Map(q(`SELECT type, name, tbl_name, sql FROM sqlite_master`).map((r) => [`${str(r.type)} ${str(r.name)}`, r]));
  const sqlOf = (type: string, name: string) => str(master.get(`${type} ${name}`)?.sql);

  for (const t of q(`SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main' ORDER BY name`)) {
    const table = str(t.name);
    // SQLite's own tables, drizzle's and D1's bookkeeping, and virtual tables' shadow tables are not the schema.
    if (/^(sqlite_|_cf_|__drizzle_migrations$|d1_migrations$)/.test(table) || t.type === 'shadow') continue;
    if (t.type === 'view') {
      shape.set(`view ${table}`, normalizeSql(sqlOf('view', table)));
      continue;
    }
    if (t.type === 'virtual') {
      shape.set(`virtual table ${table}`, normalizeSql(sqlOf('table', table)));
      continue;
    }
    const at = `table ${table}`;
    shape.set(at, [Number(t.wr) ? 'without rowid' : '', Number(t.strict) ? 'strict' : ''].filter(Boolean).join(' ') || 'rowid');
    for (const c of q(`SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)`, table)) {
      const def = [
        str(c.type).toLowerCase() || '(no type)',
        Number(c.notnull) ? 'not null' : 'null',
        c.dflt_value === null ? 'no default' : `default ${normalizeSql(str(c.dflt_value))}`,
        Number(c.pk) ? `primary key #${str(c.pk)}` : '',
        Number(c.hidden) ? `hidden ${str(c.hidden)}` : '',
      ];
      shape.set(`${at} › column ${str(c.name).toLowerCase()}`, def.filter(Boolean).join(', '));
    }
    for (const [name, expr] of checksOf(sqlOf('table', table))) shape.set(`${at} › check ${name}`, expr);
    for (const ix of q(`SELECT name, "unique", origin, partial FROM pragma_index_list(?)`, table)) {
      // The primary key's own index is covered by the columns' "primary key".
      if (ix.origin === 'pk') continue;
      const name = str(ix.name);
      const unique = Number(ix.unique) ? 'unique ' : '';
      if (ix.origin === 'u') {
        // An inline UNIQUE: SQLite numbers its index by position, so address it by its columns.
        const cols = q(`SELECT name FROM pragma_index_info(?)`, name).map((r) => str(r.name).toLowerCase());
        shape.set(`${at} › unique constraint (${cols.join(', ')})`, 'unique');
        continue;
      }
      const { keys, where } = indexParts(sqlOf('index', name));
      shape.set(`${at} › index ${name.toLowerCase()}`, `${unique}(${keys})${where ? ` where ${where}` : ''}`);
    }
    const fks = new Map<number, Row[]>();
    for (const fk of q(`SELECT * FROM pragma_foreign_key_list(?)`, table)) {
      const id = Number(fk.id);
      fks.set(id, [...(fks.get(id) ?? []), fk]);
    }
    for (const rows of fks.values()) {
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      const first = rows[0]!;
      const from = rows.map((r) => str(r.from).toLowerCase()).join(', ');
      const to = rows.map((r) => str(r.to).toLowerCase()).join(', ');
      shape.set(
        `${at} › foreign key (${from}) → ${str(first.table).toLowerCase()}(${to})`,
        `on update ${str(first.on_update).toLowerCase()}, on delete ${str(first.on_delete).toLowerCase()}, match ${str(first.match).toLowerCase()}`,
      );
    }
  }
  for (const r of master.values()) {
    if (r.type === 'trigger') shape.set(`trigger ${str(r.name).toLowerCase()}`, normalizeSql(str(r.sql)));
  }
  return shape;
}

// What differs between the migrated schema and the expected one, one line each.
export function shapeDiff(migrated: Shape, expected: Shape): string[] {
  const lines: string[] = [];
  for (const [at, want] of expected) {
    const got = migrated.get(at);
    if (got === undefined) lines.push(`${at}: missing from the migrations (expected: ${want})`);
    else if (got !== want) lines.push(`${at}: the migrations build "${got}", expected "${want}"`);
  }
  for (const [at, got] of migrated) {
    if (!expected.has(at)) lines.push(`${at}: built by the migrations but neither declared by the drizzle tables nor listed as hand-written (${got})`);
  }
  return lines.sort();
}

export interface HandWritten {
  // "trigger audit_log_no_update", as the diff addresses it.
  name: string;
  sql: string;
}

// Migrations vs (drizzle tables + hand-written objects), each built in its own empty database.
export async function schemaDrift(kind: DbKind, handWritten: readonly HandWritten[]): Promise<string[]> {
  const migrated = await migratedDatabase(kind);
  const expected = emptyDatabase();
  try {
    run(expected, await declaredStatements(kind), `${kind} drizzle tables`);
    for (const h of handWritten) run(expected, [h.sql], `hand-written ${h.name}`);
    const expectedShape = shapeOf(expected);
    const missingNames = handWritten.filter((h) => !expectedShape.has(h.name)).map((h) => `${h.name}: listed as hand-written but its SQL creates no such object`);
    return [...missingNames, ...shapeDiff(shapeOf(migrated), expectedShape)];
  } finally {
    migrated.close();
    expected.close();
  }
}
