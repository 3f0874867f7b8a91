// The local D1 databases, opened in this Node process through wrangler's
// platform proxy: the same SQLite files `wrangler dev` and
// `wrangler d1 migrations apply --local` use, so seeding needs no server.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { DEMO_HISTORY_REQUEST, type AllianceDemoData, type DemoAccount, type DemoAuditRow, type DemoData, type DemoOrg, type ListsDemoData, type TenantDemoData } from '../../packages/demo-data/src/index.ts';
import * as allianceSchema from '../../schema/tenant/alliance.ts';
import * as listSchema from '../../schema/tenant/lists.ts';
import * as peopleSchema from '../../schema/tenant/people.ts';
import * as activitySchema from '../../schema/tenant/activities.ts';
import * as pointSchema from '../../schema/tenant/points.ts';
import * as assessmentSchema from '../../schema/tenant/assessment.ts';
import * as honourSchema from '../../schema/tenant/honours.ts';
import * as rewardSchema from '../../schema/tenant/rewards.ts';
import * as fundSchema from '../../schema/tenant/funds.ts';
import { auditLog } from '../../schema/tenant/audit-log.ts';
import { controlHoldsCity, moveCityOutOfControl } from '../../packages/tenancy/src/move-city-database.ts';
import { CITY, CONTROL, TENANTS, type TenantDef } from '../../packages/tenancy/src/registry.ts';
import { openDb } from '../../packages/core/src/db.ts';
import { refreshCityFilings } from '../../packages/alliance/src/city-filings/copy.ts';
import { backfillSortKeys, pinyinSortKey } from '../../packages/core/src/sort-key.ts';
import { CONTROL_SORT_KEYS, TENANT_SORT_KEYS } from '../../schema/sort-keys.ts';
import { MIGRATIONS_DIR } from './wrangler-d1.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WRANGLER_CONFIG = resolve(ROOT, 'wrangler.toml');

/**
 * The directory wrangler persists local state in. Like wrangler: a given
 * `--persist-to` is relative to the working directory, the default
 * `.wrangler/state` sits beside wrangler.toml.
 */
export function persistRoot(persistTo?: string): string {
  return persistTo ? resolve(process.cwd(), persistTo) : resolve(ROOT, '.wrangler/state');
}

type D1 = D1Database;

/** A database wrangler.toml declares: the control database or a tenant's. */
export interface LocalDb {
  binding: string;
  name: string;
}

/** Every database, the control database first, then each tenant (the city included) in registry order. */
export const DATABASES: readonly LocalDb[] = [CONTROL, ...TENANTS];

export interface LocalPlatform {
  db(d: LocalDb): D1;
  dispose(): Promise<void>;
}

export async function openLocalPlatform(persistTo?: string, configPath = WRANGLER_CONFIG): Promise<LocalPlatform> {
  // Imported lazily: loading wrangler costs ~1 s, which `--help` and errors need not pay.
  const { getPlatformProxy } = await import('wrangler');
  const proxy = await getPlatformProxy<Record<string, D1>>({
    configPath,
    // wrangler keeps resources under <persist-to>/v3; the proxy takes that inner directory.
    persist: { path: resolve(persistRoot(persistTo), 'v3') },
    remoteBindings: false,
    envFiles: [],
  });
  return {
    db(t) {
      const db = proxy.env[t.binding];
      if (!db) throw new Error(`wrangler.toml 中没有 D1 绑定 ${t.binding}（${t.name}）`);
      return db;
    },
    dispose: () => proxy.dispose(),
  };
}

// One migration set per kind of database (ADR 0013).
function migrationsDir(d: LocalDb): string {
  return resolve(ROOT, d.binding === CONTROL.binding ? MIGRATIONS_DIR.control : MIGRATIONS_DIR.tenant);
}

const sqlFiles = (d: LocalDb) => readdirSync(migrationsDir(d)).filter((f) => f.endsWith('.sql')).sort();

/** Migration files not yet recorded in each database's `d1_migrations` table (wrangler's bookkeeping). */
export async function pendingMigrations(p: LocalPlatform): Promise<Map<LocalDb, string[]>> {
  const out = new Map<LocalDb, string[]>();
  await Promise.all(
    DATABASES.map(async (t) => {
      const files = sqlFiles(t);
      let applied = new Set<string>();
      try {
        const rows = await p.db(t).prepare('SELECT name FROM d1_migrations').all<{ name: string }>();
        applied = new Set(rows.results.map((r) => r.name));
      } catch (err) {
        // A database wrangler never migrated has no bookkeeping table yet: everything is pending.
        if (!/no such table/i.test(String((err as Error).message))) throw err;
      }
      const pending = files.filter((f) => !applied.has(f));
      if (pending.length) out.set(t, pending);
    }),
  );
  return out;
}

/**
 * Applies the pending migrations of the given local databases through an open
 * platform, in this process (ADR 0036): each migration file is one D1 batch
 * with its row in `d1_migrations`, the table and row wrangler keeps, so
 * `wrangler d1 migrations list --local` agrees afterwards. The files are read
 * and split by the vitest plugin's `readD1Migrations`, the same reader the
 * workers tests apply the migrations with. Spawning `wrangler d1 migrations
 * apply --local` instead cost about 30 s of CPU per database (fourteen of them)
 * on the two-core machine, beside the tests.
 */
export async function applyLocalMigrations(p: LocalPlatform, databases: readonly LocalDb[]): Promise<void> {
  // Imported lazily: the plugin is a development dependency, and loading it costs about a second.
  const { readD1Migrations } = await import('@cloudflare/vitest-plugin');
  const sets = new Map<string, Promise<Awaited<ReturnType<typeof readD1Migrations>>>>();
  const migrationsOf = (d: LocalDb) => {
    const dir = migrationsDir(d);
    if (!sets.has(dir)) sets.set(dir, readD1Migrations(dir));
    return sets.get(dir)!;
  };
  await Promise.all(
    databases.map(async (d) => {
      const db = p.db(d);
      await db
        // Word for word as wrangler creates it, so the two leave the same schema behind.
        .prepare('CREATE TABLE IF NOT EXISTS "d1_migrations"(\n\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n\t\tname       TEXT UNIQUE,\n\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n)')
        .run();
      const applied = new Set((await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>()).results.map((r) => r.name));
      const record = db.prepare('INSERT INTO d1_migrations (name) VALUES (?)');
      for (const m of await migrationsOf(d)) {
        if (applied.has(m.name)) continue;
        try {
          await db.batch([...m.queries.map((q) => db.prepare(q)), record.bind(m.name)]);
        } catch (err) {
          throw new Error(`迁移失败：${d.name}（${d.binding}）的 ${m.name}：${(err as Error).message}`);
        }
      }
      console.log(`  已迁移 ${d.name}（${d.binding}）`);
    }),
  );
}

/**
 * Migrates the given databases: on Cloudflare (`remote`, with `env`) with
 * `wrangler d1 migrations apply`, three at a time; locally in this process
 * (`applyLocalMigrations`), into `persistTo` when given. A remote run that
 * hits a busy database is retried.
 */
export async function applyMigrations(
  tenants: readonly LocalDb[],
  persistTo?: string,
  opts: { remote?: boolean; env?: string } = {},
): Promise<void> {
  if (!opts.remote) {
    const p = await openLocalPlatform(persistTo);
    try {
      await applyLocalMigrations(p, tenants);
    } finally {
      await p.dispose();
    }
    return;
  }
  const wrangler = resolve(ROOT, 'node_modules/.bin/wrangler');
  const queue = [...tenants];
  const attempt = (t: LocalDb) =>
    new Promise<{ code: number | null; out: string }>((done, fail) => {
      const args = ['d1', 'migrations', 'apply', t.binding, '--remote', '--config', WRANGLER_CONFIG];
      if (opts.env) args.push('--env', opts.env);
      // CI=true: wrangler otherwise stops at a Y/n prompt on a terminal.
      const child = spawn(wrangler, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('error', fail);
      child.on('close', (code) => done({ code, out }));
    });
  const one = async (t: LocalDb) => {
    for (let tries = 1; ; tries++) {
      const { code, out } = await attempt(t);
      if (code === 0) {
        console.log(`  已迁移 ${t.name}（${t.binding}）`);
        return;
      }
      if (tries < 3 && /SQLITE_BUSY|database is locked/i.test(out)) continue;
      process.stderr.write(out);
      throw new Error(`迁移失败：${t.name}（${t.binding}）`);
    }
  };
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let t = queue.shift(); t; t = queue.shift()) await one(t);
    }),
  );
}

/**
 * Before ADR 0013 the city tenant lived in the control database. A local
 * state in that layout (a developer's .wrangler, a running demo) is moved
 * here, before any control migration runs (the control set would otherwise
 * try to create tables the old layout already has): the city's database gets
 * the tenant migrations, its rows are copied and verified, then control keeps
 * only its own tables and records the control set as applied. Returns false,
 * touching nothing, when the layout is already current — so it is safe to
 * call on every `pnpm db:migrate` and `pnpm start`.
 */
export async function moveCityOutOfControlIfNeeded(persistTo?: string): Promise<boolean> {
  let p = await openLocalPlatform(persistTo);
  try {
    if (!(await controlHoldsCity(p.db(CONTROL)))) return false;
  } finally {
    await p.dispose();
  }
  console.log(`  发现旧布局：${CITY.name}的数据仍在控制库，迁往它自己的数据库（${CITY.binding}）…`);
  p = await openLocalPlatform(persistTo);
  try {
    await applyLocalMigrations(p, [CITY]);
    const report = await moveCityOutOfControl({ control: p.db(CONTROL), city: p.db(CITY), controlMigrations: sqlFiles(CONTROL) });
    const total = Object.values(report.rows).reduce((a, n) => a + n, 0);
    console.log(`  已搬迁 ${total} 行（${Object.keys(report.rows).length} 张表），控制库只保留账号、授权、会话与其审计`);
    return report.moved;
  } finally {
    await p.dispose();
  }
}

const ORG_COLUMNS: ReadonlyArray<[keyof DemoOrg | 'sortKey', string]> = [
  ['id', 'id'], ['parentId', 'parent_id'], ['path', 'path'], ['depth', 'depth'], ['name', 'name'], ['sortKey', 'sort_key'], ['kind', 'kind'],
  ['domain', 'domain'], ['divisionCode', 'division_code'], ['isExternal', 'is_external'], ['externalRegion', 'external_region'],
  ['secretaryName', 'secretary_name'], ['secretaryPhone', 'secretary_phone'], ['liaisonName', 'liaison_name'],
  ['liaisonPhone', 'liaison_phone'], ['memberCount', 'member_count'], ['qualityStatus', 'quality_status'],
  ['weakFlag', 'weak_flag'], ['status', 'status'], ['deactivatedAt', 'deactivated_at'],
  ['deactivationReason', 'deactivation_reason'], ['version', 'version'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at'],
];

/**
 * Rows per statement. The rows travel as one JSON parameter expanded by
 * json_each, so D1's 100-parameter limit never applies; 1,000 rows keep each
 * value around 300 KB. Rows with long text (alliance documents) are cut by
 * size as well, to stay clear of D1's 2 MB limit on a single value.
 */
const CHUNK = 1000;
const CHUNK_BYTES = 600_000;

/**
 * `INSERT OR IGNORE … SELECT … FROM json_each(?)`, one statement per chunk.
 * Rows go as arrays, not objects: the platform proxy moves parameters at
 * roughly 5 MB/s, and leaving out the keys halves the bytes.
 */
function jsonInsert(
  db: D1,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: readonly Record<string, unknown>[],
  where = '',
): D1PreparedStatement[] {
  return jsonInsertSized(db, table, columns, rows, where).map((c) => c.statement);
}

/** jsonInsert, with each statement's parameter size, for callers that split their batches by size. */
function jsonInsertSized(
  db: D1,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: readonly Record<string, unknown>[],
  where = '',
): { statement: D1PreparedStatement; bytes: number }[] {
  const cols = columns.map(([, c]) => c).join(', ');
  const values = columns.map((_, i) => `value->>${i}`).join(', ');
  const sql = `INSERT OR IGNORE INTO ${table} (${cols}) SELECT ${values} FROM json_each(?1)${where ? ` WHERE ${where}` : ''}`;
  const out: { statement: D1PreparedStatement; bytes: number }[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (chunk.length) out.push({ statement: db.prepare(sql).bind(`[${chunk.join(',')}]`), bytes });
    chunk = [];
    bytes = 0;
  };
  for (const r of rows) {
    const json = JSON.stringify(columns.map(([k]) => r[k] ?? null));
    const size = Buffer.byteLength(json);
    if (chunk.length && (chunk.length >= CHUNK || bytes + size > CHUNK_BYTES)) flush();
    chunk.push(json);
    bytes += size;
  }
  flush();
  return out;
}

export interface SeedStats {
  tenant: TenantDef;
  generated: number;
  inserted: number;
  total: number;
  /** Rows of the alliance tables, generated and newly inserted, by AllianceDemoData key. */
  alliances: Record<keyof AllianceDemoData, { generated: number; inserted: number }>;
  /** Rows of the three lists, likewise, by ListsDemoData key. */
  lists: Record<keyof ListsDemoData, { generated: number; inserted: number }>;
  /** Audit rows of the demo data's past. */
  audit: { generated: number; inserted: number };
  /** Issue 11: the people registry, and each ENGAGEMENT_TABLES key, likewise. */
  people: Record<string, { generated: number; inserted: number }>;
  /** alliance_members rows whose liaison_person_id this seed filled. */
  liaisonsLinked: number;
}

/** The alliance tables in insert order, keyed as in AllianceDemoData; columns come from the drizzle tables. */
const ALLIANCE_TABLES: ReadonlyArray<[keyof AllianceDemoData, Parameters<typeof getTableColumns>[0]]> = [
  ['alliances', allianceSchema.alliances],
  ['members', allianceSchema.allianceMembers],
  ['seats', allianceSchema.allianceGovernanceSeats],
  ['documents', allianceSchema.allianceDocuments],
  ['events', allianceSchema.allianceEvents],
  ['adjustments', allianceSchema.allianceAdjustments],
  ['filings', allianceSchema.filings],
  ['routes', allianceSchema.redRoutes],
  ['routeStops', allianceSchema.redRouteStops],
  ['districts', allianceSchema.redDistricts],
  ['districtItems', allianceSchema.redDistrictItems],
];

/**
 * Parameter bytes per db.batch. Twelve counties at ten times Chifeng carry
 * some 25 MB of alliance rows each; sent as one batch per county, in
 * parallel, they made the platform proxy drop its connection.
 */
const BATCH_BYTES = 4_000_000;
/** Counties writing their alliance rows at the same time. */
const ALLIANCE_WRITERS = 3;

/**
 * One tenant's alliances, routes and districts. Rows already stored are not
 * sent again: by id, and for route stops and district items by their route
 * or district, whose stops or items always travel in one statement.
 */
async function seedAlliances(db: D1, data: AllianceDemoData): Promise<SeedStats['alliances']> {
  const stats = {} as SeedStats['alliances'];
  const stored = new Map<keyof AllianceDemoData, Set<string>>();
  const parentKey: Partial<Record<keyof AllianceDemoData, [string, string]>> = { routeStops: ['route_id', 'routeId'], districtItems: ['district_id', 'districtId'] };
  await Promise.all(
    ALLIANCE_TABLES.map(async ([key, table]) => {
      const column = parentKey[key]?.[0] ?? 'id';
      const rows = await db.prepare(`SELECT DISTINCT ${column} AS k FROM ${getTableName(table)}`).all<{ k: string }>();
      stored.set(key, new Set(rows.results.map((r) => r.k)));
    }),
  );
  const chunks: { statement: D1PreparedStatement; bytes: number; key: keyof AllianceDemoData }[] = [];
  for (const [key, table] of ALLIANCE_TABLES) {
    const columns = Object.entries(getTableColumns(table)).map(([k, c]) => [k, c.name] as const);
    const have = stored.get(key)!;
    const keyOf = parentKey[key]?.[1] ?? 'id';
    // JSON columns travel as their text; json_each would otherwise hand SQLite a JSON value.
    // A table in pinyin order gets each row's sort key from its name, as the write path does (ADR 0018).
    const sorted = 'sortKey' in getTableColumns(table);
    const rows = (data[key] as unknown as Record<string, unknown>[])
      .filter((r) => !have.has(r[keyOf] as string))
      .map((r) => (sorted ? { ...r, sortKey: pinyinSortKey(r.name as string) } : r))
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v])));
    for (const c of jsonInsertSized(db, getTableName(table), columns, rows)) chunks.push({ ...c, key });
    stats[key] = { generated: data[key].length, inserted: 0 };
  }
  for (let i = 0; i < chunks.length; ) {
    const batch: typeof chunks = [];
    for (let bytes = 0; i < chunks.length && (!batch.length || bytes + chunks[i]!.bytes <= BATCH_BYTES); i++) {
      batch.push(chunks[i]!);
      bytes += chunks[i]!.bytes;
    }
    const results = await db.batch(batch.map((c) => c.statement));
    batch.forEach((c, k) => (stats[c.key].inserted += results[k]!.meta.changes ?? 0));
  }
  return stats;
}

/** The three lists' tables in insert order, keyed as in ListsDemoData. */
const LIST_TABLES: ReadonlyArray<[keyof ListsDemoData, Parameters<typeof getTableColumns>[0]]> = [
  ['needs', listSchema.needs],
  ['resources', listSchema.resources],
  ['matchRejections', listSchema.matchRejections],
  ['projects', listSchema.projects],
  ['allocations', listSchema.allocations],
  ['milestones', listSchema.projectMilestones],
  ['claims', listSchema.projectClaims],
  ['notes', listSchema.projectNotes],
];

/**
 * One tenant's needs, resources and projects with their allocations,
 * milestones, claims and supervision notes, as seedAlliances does it: rows
 * already stored (by id) are not sent again, rows travel as json_each
 * statements of at most 600 KB, batches stay under BATCH_BYTES. The rows are
 * final (quantities and statuses already agree), so insert order only keeps
 * each batch readable.
 */
export async function seedLists(db: D1, data: ListsDemoData): Promise<SeedStats['lists']> {
  return seedTables(db, LIST_TABLES, data);
}

type AnyTable = Parameters<typeof getTableColumns>[0];

/**
 * Rows keyed by table, inserted as seedLists does: rows already stored (by id)
 * are not sent again, rows travel as json_each statements of at most 600 KB,
 * batches stay under BATCH_BYTES. JSON columns go as their text; a table in
 * pinyin order gets each row's sort key from its name where the row has none,
 * as the write path does (ADR 0018). Every table needs an `id` column.
 */
export async function seedTables<K extends string>(
  db: D1,
  tables: ReadonlyArray<readonly [K, AnyTable]>,
  data: Partial<Record<K, readonly object[]>>,
): Promise<Record<K, { generated: number; inserted: number }>> {
  const stats = {} as Record<K, { generated: number; inserted: number }>;
  const stored = new Map<K, Set<string>>();
  await Promise.all(
    tables.map(async ([key, table]) => {
      // A table keyed by other columns (standards, totals) relies on INSERT OR IGNORE alone.
      if (!data[key]?.length || !('id' in getTableColumns(table))) return;
      const rows = await db.prepare(`SELECT id AS k FROM ${getTableName(table)}`).all<{ k: string }>();
      stored.set(key, new Set(rows.results.map((r) => r.k)));
    }),
  );
  const chunks: { statement: D1PreparedStatement; bytes: number; key: K }[] = [];
  const sortKeys = new Map<string, string>();
  const sortKeyOf = (name: string) => {
    let k = sortKeys.get(name);
    if (k === undefined) sortKeys.set(name, (k = pinyinSortKey(name)));
    return k;
  };
  for (const [key, table] of tables) {
    const all = (data[key] ?? []) as readonly Record<string, unknown>[];
    stats[key] = { generated: all.length, inserted: 0 };
    if (!all.length) continue;
    const tableColumns = getTableColumns(table);
    const columns = Object.entries(tableColumns).map(([k, c]) => [k, c.name] as const);
    const sorted = 'sortKey' in tableColumns;
    const have = stored.get(key) ?? new Set<string>();
    const rows = all
      .filter((r) => !have.has(r.id as string))
      .map((r) => (sorted && !r.sortKey && typeof r.name === 'string' ? { ...r, sortKey: sortKeyOf(r.name) } : r))
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v])));
    for (const c of jsonInsertSized(db, getTableName(table), columns, rows)) chunks.push({ ...c, key });
  }
  for (let i = 0; i < chunks.length; ) {
    const batch: typeof chunks = [];
    for (let bytes = 0; i < chunks.length && (!batch.length || bytes + chunks[i]!.bytes <= BATCH_BYTES); i++) {
      batch.push(chunks[i]!);
      bytes += chunks[i]!.bytes;
    }
    const results = await db.batch(batch.map((c) => c.statement));
    batch.forEach((c, k) => (stats[c.key].inserted += results[k]!.meta.changes ?? 0));
  }
  return stats;
}

/**
 * Issue 11's tables after the people registry, in insert order, keyed as in
 * TenantDemoData.engagement. Each lane appends its own [key, table] entries
 * (双报到, posts, activities, organizational life, meetings, points); rows
 * whose table references another come after it.
 */
export const ENGAGEMENT_TABLES: ReadonlyArray<readonly [string, AnyTable]> = [
  ['orgPairings', peopleSchema.orgPairings],
  ['memberReports', peopleSchema.memberReports],
  ['reportRecords', peopleSchema.reportRecords],
  ['pairingStandards', peopleSchema.pairingStandards],
  ['posts', peopleSchema.posts],
  ['postClaims', peopleSchema.postClaims],
  ['serviceLogs', peopleSchema.serviceLogs],
  ['activityQuotaPlans', activitySchema.activityQuotaPlans],
  ['activities', activitySchema.activities],
  ['activityCheckins', activitySchema.activityCheckins],
  ['orgLifeStandards', activitySchema.orgLifeStandards],
  ['orgLifeRecords', activitySchema.orgLifeRecords],
  ['meetings', activitySchema.meetings],
  ['meetingDecisions', activitySchema.meetingDecisions],
  // point_rules: the defaults come with the migration (0017).
  ['pointEntries', pointSchema.pointEntries],
  ['pointTotals', pointSchema.pointTotals],
  ['pointOrgTotals', pointSchema.pointOrgTotals],
  // Issue 12 (packages/demo-data/src/merit.ts): the finished assessment year, honours, the county reward round, the fund ledgers.
  ['indicatorSchemes', assessmentSchema.indicatorSchemes],
  ['schemeIndicators', assessmentSchema.schemeIndicators],
  ['assessments', assessmentSchema.assessments],
  ['assessmentScores', assessmentSchema.assessmentScores],
  ['ratingLinks', assessmentSchema.ratingLinks],
  ['assessmentRatings', assessmentSchema.assessmentRatings],
  ['branchStandardizations', honourSchema.branchStandardizations],
  ['honourDesignations', honourSchema.honourDesignations],
  ['demoSites', honourSchema.demoSites],
  ['rewardRounds', rewardSchema.rewardRounds],
  ['rewardAllocations', rewardSchema.rewardAllocations],
  ['rewardDisbursements', rewardSchema.rewardDisbursements],
  ['fundEntries', fundSchema.fundEntries],
];

/**
 * The people registry and the rows that hang on it, then each current
 * alliance member's liaison_person_id (seed 000 11.1.2: the liaison is a party
 * member of the organization), filled only where still empty, so a database
 * seeded before the people existed gets the link on the next seed.
 */
async function seedPeople(db: D1, t: TenantDemoData): Promise<Pick<SeedStats, 'people' | 'liaisonsLinked'>> {
  // The city has no people registry, but holds engagement rows of its own (its reward round, ADR 0025).
  if (!t.people.length && !Object.values(t.engagement).some((rows) => rows?.length)) return { people: {}, liaisonsLinked: 0 };
  const people = await seedTables(db, [['people', peopleSchema.people] as const, ...ENGAGEMENT_TABLES], { people: t.people, ...t.engagement });
  const links = Object.entries(t.liaisonPersonIds);
  let liaisonsLinked = 0;
  const statements: D1PreparedStatement[] = [];
  // json_each keeps it one parameter per statement; 2,000 pairs are about 100 KB.
  for (let i = 0; i < links.length; i += 2000)
    statements.push(
      db
        .prepare(
          `UPDATE alliance_members SET liaison_person_id = (SELECT value->>1 FROM json_each(?1) WHERE value->>0 = alliance_members.id)
           WHERE liaison_person_id IS NULL AND id IN (SELECT value->>0 FROM json_each(?1))`,
        )
        .bind(JSON.stringify(links.slice(i, i + 2000))),
    );
  if (statements.length) for (const r of await db.batch(statements)) liaisonsLinked += r.meta.changes ?? 0;
  return { people, liaisonsLinked };
}

/**
 * The audit trail of the demo data's past (packages/demo-data audit.ts). The
 * log is append-only, so rows are only ever added: by id, INSERT OR IGNORE,
 * and a database seeded before the history existed gets it on the next seed.
 */
async function seedAudit(db: D1, rows: readonly DemoAuditRow[]): Promise<SeedStats['audit']> {
  const stored = await db.prepare(`SELECT id FROM audit_log WHERE request_id = ?`).bind(DEMO_HISTORY_REQUEST).all<{ id: string }>();
  const have = new Set(stored.results.map((r) => r.id));
  const columns = Object.entries(getTableColumns(auditLog)).map(([k, c]) => [k, c.name] as const);
  const fresh = rows
    .filter((r) => !have.has(r.id))
    .map((r) => ({ ...r, before: r.before == null ? null : JSON.stringify(r.before), after: r.after == null ? null : JSON.stringify(r.after) }));
  const chunks = jsonInsertSized(db, getTableName(auditLog), columns, fresh);
  let inserted = 0;
  for (let i = 0; i < chunks.length; ) {
    const batch: typeof chunks = [];
    for (let bytes = 0; i < chunks.length && (!batch.length || bytes + chunks[i]!.bytes <= BATCH_BYTES); i++) {
      batch.push(chunks[i]!);
      bytes += chunks[i]!.bytes;
    }
    const results = await db.batch(batch.map((c) => c.statement));
    inserted += results.reduce((s, r) => s + (r.meta.changes ?? 0), 0);
  }
  return { generated: rows.length, inserted };
}

/** Runs at most `n` of the calls at once. */
function limiter(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(f: () => Promise<T>): Promise<T> => {
    // A finishing call hands its slot straight to the next in line, so `running` never exceeds n.
    if (running >= n) await new Promise<void>((go) => waiting.push(go));
    else running++;
    try {
      return await f();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

/** Loads the demo data; idempotent because every id is deterministic and inserts ignore existing rows. */
export async function seedDemoData(p: LocalPlatform, data: DemoData, password: PasswordHash): Promise<{ tenants: SeedStats[]; accountsInserted: number }> {
  const allianceWriter = limiter(ALLIANCE_WRITERS);
  const tenants = await Promise.all(
    data.tenants.map(async (t): Promise<SeedStats> => {
      const { tenant, orgs, alliances, lists, audit } = t;
      const db = p.db(tenant);
      // Ids already stored are not sent again, so a repeated seed moves almost nothing through the proxy.
      const stored = await db.prepare('SELECT id FROM organizations').all<{ id: string }>();
      const have = new Set(stored.results.map((r) => r.id));
      const rows = orgs
        .filter((o) => !have.has(o.id))
        .map((o) => ({ ...o, sortKey: pinyinSortKey(o.name), isExternal: o.isExternal ? 1 : 0, weakFlag: o.weakFlag ? 1 : 0 }));
      const statements = jsonInsert(db, 'organizations', ORG_COLUMNS, rows);
      const results = statements.length ? await db.batch(statements) : [];
      const inserted = results.reduce((s, r) => s + (r.meta.changes ?? 0), 0);
      const total = (await db.prepare('SELECT count(*) AS n FROM organizations').first<{ n: number }>())?.n ?? 0;
      const written = await allianceWriter(async () => ({
        alliances: await seedAlliances(db, alliances),
        lists: await seedLists(db, lists),
        audit: await seedAudit(db, audit),
        ...(await seedPeople(db, t)),
      }));
      return { tenant, generated: orgs.length, inserted, total, ...written };
    }),
  );
  const accountsInserted = await seedAccounts(p, data.accounts, password);
  await fillSortKeys(p);
  await copyCityFilings(p);
  return { tenants, accountsInserted };
}

/**
 * The city's filings inbox (ADR 0024) is a copy in the control database that
 * events keep current; data written straight into the counties (the demo data)
 * is copied here, with the reconciliation production would run.
 */
async function copyCityFilings(p: LocalPlatform): Promise<void> {
  const control = openDb(p.db(CONTROL));
  for (const t of TENANTS.filter((x) => x.kind === 'county')) {
    await refreshCityFilings({ control, county: openDb(p.db(t)), tenant: t.slug, now: Date.now() });
  }
}

/**
 * Rows of a local database from before the pinyin sort keys (ADR 0018) get
 * theirs here, as the Cron Trigger does in production: `pnpm start` reseeds
 * on every run, so an older local state is in pinyin order after one start.
 */
async function fillSortKeys(p: LocalPlatform): Promise<void> {
  const all = async (db: D1, sources: readonly { table: string; column: string; indexed?: string }[]) => {
    for (const src of sources) while ((await backfillSortKeys(openDb(db), src, { rows: 300, rounds: 50 })) > 0);
  };
  await Promise.all(TENANTS.map((t) => all(p.db(t), TENANT_SORT_KEYS)));
  await all(p.db(CONTROL), CONTROL_SORT_KEYS);
}

async function seedAccounts(p: LocalPlatform, accounts: readonly DemoAccount[], password: PasswordHash): Promise<number> {
  const control = p.db(CONTROL);
  const users = accounts.map((a): Record<string, unknown> => ({
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    sortKey: pinyinSortKey(a.displayName),
    phone: a.phone,
    passwordHash: password.hash,
    passwordSalt: password.salt,
    passwordIterations: password.iterations,
    failedAttempts: 0,
    passwordChangedAt: a.createdAt,
    status: 'active',
    version: 1,
    createdAt: a.createdAt,
    updatedAt: a.createdAt,
  }));
  const grants = accounts.map((a): Record<string, unknown> => ({ id: a.grantId, userId: a.userId, tenant: a.tenant, role: a.role, scopeOrgId: a.scopeOrgId, createdAt: a.createdAt }));
  const userCols: [string, string][] = [
    ['id', 'id'], ['username', 'username'], ['displayName', 'display_name'], ['sortKey', 'sort_key'], ['phone', 'phone'], ['passwordHash', 'password_hash'],
    ['passwordSalt', 'password_salt'], ['passwordIterations', 'password_iterations'], ['failedAttempts', 'failed_attempts'],
    ['passwordChangedAt', 'password_changed_at'], ['status', 'status'], ['version', 'version'], ['createdAt', 'created_at'],
    ['updatedAt', 'updated_at'],
  ];
  const grantCols: [string, string][] = [
    ['id', 'id'], ['userId', 'user_id'], ['tenant', 'tenant'], ['role', 'role'], ['scopeOrgId', 'scope_org_id'], ['createdAt', 'created_at'],
  ];
  // A username taken by an account created some other way keeps that account; its demo grant is skipped with it.
  const results = await control.batch([
    ...jsonInsert(control, 'users', userCols, users),
    ...jsonInsert(control, 'role_grants', grantCols, grants, `EXISTS (SELECT 1 FROM users WHERE users.id = value->>1)`),
  ]);
  return results[0]?.meta.changes ?? 0;
}
