// The local D1 databases, opened in this Node process through wrangler's
// platform proxy: the same SQLite files `wrangler dev` and
// `wrangler d1 migrations apply --local` use, so seeding needs no server.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoAccount, DemoData, DemoOrg } from '../../packages/demo-data/src/index.ts';
import { TENANTS, type TenantDef } from '../../packages/tenancy/src/registry.ts';

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
export interface LocalPlatform {
  db(tenant: TenantDef): D1;
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

function migrationsDir(t: TenantDef): string {
  return resolve(ROOT, t.kind === 'city' ? 'schema/migrations/control' : 'schema/migrations/tenant');
}

/** Migration files not yet recorded in each database's `d1_migrations` table (wrangler's bookkeeping). */
export async function pendingMigrations(p: LocalPlatform): Promise<Map<TenantDef, string[]>> {
  const out = new Map<TenantDef, string[]>();
  await Promise.all(
    TENANTS.map(async (t) => {
      const files = readdirSync(migrationsDir(t)).filter((f) => f.endsWith('.sql')).sort();
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

const ORG_COLUMNS: ReadonlyArray<[keyof DemoOrg, string]> = [
  ['id', 'id'], ['parentId', 'parent_id'], ['path', 'path'], ['depth', 'depth'], ['name', 'name'], ['kind', 'kind'],
  ['domain', 'domain'], ['divisionCode', 'division_code'], ['isExternal', 'is_external'], ['externalRegion', 'external_region'],
  ['secretaryName', 'secretary_name'], ['secretaryPhone', 'secretary_phone'], ['liaisonName', 'liaison_name'],
  ['liaisonPhone', 'liaison_phone'], ['memberCount', 'member_count'], ['qualityStatus', 'quality_status'],
  ['weakFlag', 'weak_flag'], ['status', 'status'], ['deactivatedAt', 'deactivated_at'],
  ['deactivationReason', 'deactivation_reason'], ['version', 'version'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at'],
];

/**
 * Rows per statement. The rows travel as one JSON parameter expanded by
 * json_each, so D1's 100-parameter limit never applies; 500 rows keep each
 * value around 250 KB.
 */
const CHUNK = 500;

/** `INSERT OR IGNORE … SELECT … FROM json_each(?)`: one statement per chunk, existing ids left untouched. */
function jsonInsert(
  db: D1,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: readonly object[],
  where = '',
): D1PreparedStatement[] {
  const cols = columns.map(([, c]) => c).join(', ');
  const values = columns.map(([k]) => `value->>'$.${k}'`).join(', ');
  const sql = `INSERT OR IGNORE INTO ${table} (${cols}) SELECT ${values} FROM json_each(?1)${where ? ` WHERE ${where}` : ''}`;
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(db.prepare(sql).bind(JSON.stringify(rows.slice(i, i + CHUNK))));
  return out;
}

export interface SeedStats {
  tenant: TenantDef;
  generated: number;
  inserted: number;
  total: number;
}

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

/** Loads the demo data; idempotent because every id is deterministic and inserts ignore existing rows. */
export async function seedDemoData(p: LocalPlatform, data: DemoData, password: PasswordHash): Promise<{ tenants: SeedStats[]; accountsInserted: number }> {
  const tenants = await Promise.all(
    data.tenants.map(async ({ tenant, orgs }) => {
      const db = p.db(tenant);
      const rows = orgs.map((o) => ({ ...o, isExternal: o.isExternal ? 1 : 0, weakFlag: o.weakFlag ? 1 : 0 }));
      const results = await db.batch(jsonInsert(db, 'organizations', ORG_COLUMNS, rows));
      const inserted = results.reduce((s, r) => s + (r.meta.changes ?? 0), 0);
      const total = (await db.prepare('SELECT count(*) AS n FROM organizations').first<{ n: number }>())?.n ?? 0;
      return { tenant, generated: orgs.length, inserted, total };
    }),
  );
  const accountsInserted = await seedAccounts(p, data.accounts, password);
  return { tenants, accountsInserted };
}

async function seedAccounts(p: LocalPlatform, accounts: readonly DemoAccount[], password: PasswordHash): Promise<number> {
  const control = p.db(TENANTS.find((t) => t.kind === 'city')!);
  const users = accounts.map((a) => ({
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
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
  const grants = accounts.map((a) => ({ id: a.grantId, userId: a.userId, tenant: a.tenant, role: a.role, scopeOrgId: a.scopeOrgId, createdAt: a.createdAt }));
  const userCols: [string, string][] = [
    ['id', 'id'], ['username', 'username'], ['displayName', 'display_name'], ['phone', 'phone'], ['passwordHash', 'password_hash'],
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
    ...jsonInsert(control, 'role_grants', grantCols, grants, `EXISTS (SELECT 1 FROM users WHERE users.id = value->>'$.userId')`),
  ]);
  return results[0]?.meta.changes ?? 0;
}
