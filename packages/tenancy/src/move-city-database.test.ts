import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, makeFixture, makeUser } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { CONTROL_TABLES, controlHoldsCity, moveCityOutOfControl } from './move-city-database.ts';

// ADR 0013: a control database in the layout before the split (built by the
// frozen old control migrations, test/fixtures/control-migrations-before-0013)
// holding the city's data is moved into the city's own database. The expected
// rows come from where they were made — the city database and the control
// database the app wrote through its routes and factories — never from the move.

const env = bindings as unknown as Record<string, unknown>;
const oldControl = bindings.TEST_OLD_CONTROL!;
const movedCity = bindings.TEST_MOVED_CITY!;
const OLD_SET = env.TEST_OLD_CONTROL_MIGRATIONS as D1Migration[];
const TENANT_SET = env.TEST_TENANT_MIGRATIONS as D1Migration[];
const CONTROL_SET = env.TEST_CONTROL_MIGRATIONS as D1Migration[];

const BOOKKEEPING = /^(sqlite_|_cf_|d1_migrations$)/;

async function tables(db: D1Database): Promise<string[]> {
  const rows = await db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all<{ name: string }>();
  // The name indexes (ADR 0014) are derived from their base tables by triggers: rows arriving fill them.
  return rows.results.map((r) => r.name).filter((n) => !BOOKKEEPING.test(n) && !/_fts(_\w+)?$/.test(n));
}

async function rowsOf(db: D1Database, table: string, where = ''): Promise<Record<string, unknown>[]> {
  return (await db.prepare(`SELECT * FROM "${table}" ${where} ORDER BY rowid`).all<Record<string, unknown>>()).results;
}

/** Every row of every table, keyed by primary key, so the comparison ignores insertion order. */
async function contents(db: D1Database, only?: readonly string[], where: Record<string, string> = {}): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of only ?? (await tables(db))) {
    const pk = (await db.prepare(`SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk`).bind(t).all<{ name: string }>()).results.map((r) => r.name);
    const rows = await rowsOf(db, t, where[t] ?? '');
    out[t] = rows.sort((a, b) => (JSON.stringify(pk.map((k) => a[k])) < JSON.stringify(pk.map((k) => b[k])) ? -1 : 1));
  }
  return out;
}

type Columns = Record<string, readonly string[]>;

/** Each table's columns, by table. */
async function columnsOf(db: D1Database): Promise<Columns> {
  const out: Record<string, string[]> = {};
  for (const t of await tables(db)) out[t] = (await db.prepare('SELECT name FROM pragma_table_info(?1)').bind(t).all<{ name: string }>()).results.map((r) => r.name);
  return out;
}

/**
 * The rows with only the columns the old layout had: a column added since
 * (a sort key, a new flag) never existed there, so the move cannot carry it;
 * on arrival it holds its migration's default, filled in later by its own
 * backfill (ADR 0018's Cron for sort keys).
 */
function keep(c: Record<string, Record<string, unknown>[]>, cols: Columns): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(Object.entries(c).map(([t, rows]) => [t, rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => cols[t]?.includes(k) ?? true)))]));
}

/** Plain row-by-row copy (written independently of the move) of the tables `to` has, the columns both have. */
async function copyInto(to: D1Database, from: D1Database, where: Record<string, string> = {}): Promise<void> {
  const have = await columnsOf(to);
  const statements: D1PreparedStatement[] = [to.prepare('PRAGMA defer_foreign_keys = on')];
  for (const t of (await tables(from)).filter((x) => x in have)) {
    for (const row of await rowsOf(from, t, where[t] ?? '')) {
      const cols = Object.keys(row).filter((c) => have[t]!.includes(c));
      // REPLACE: the migrations seed the default categories into both databases.
      statements.push(to.prepare(`INSERT OR REPLACE INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `?${i + 1}`).join(', ')})`).bind(...cols.map((c) => row[c])));
    }
  }
  await to.batch(statements);
}

async function schemaObjects(db: D1Database): Promise<string[]> {
  const rows = await db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND tbl_name <> 'd1_migrations' ORDER BY type, name`)
    .all<{ type: string; name: string; sql: string | null }>();
  return rows.results.map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
}

const migrationNames = async (db: D1Database) => (await db.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()).results.map((r) => r.name);

describe('moving the city out of the control database (ADR 0013)', () => {
  // First in the file: the old layout is still empty of data here.
  it('refuses, and leaves control as it was, while the city database lacks the tenant tables', async () => {
    await applyD1Migrations(oldControl, OLD_SET);
    const before = await schemaObjects(oldControl);
    const unmigrated = bindings.DB_CONTROL!;
    await expect(moveCityOutOfControl({ control: oldControl, city: unmigrated, controlMigrations: ['0000_control.sql'] })).rejects.toThrow(/城市库尚未应用租户迁移/);
    expect(await schemaObjects(oldControl)).toEqual(before);
    expect(await migrationNames(oldControl)).toEqual(OLD_SET.map((m) => m.name));
  });

  it('moves every city row to the city database, leaves control with its own tables only, and changes nothing when run again', async () => {
    // The city's data, made by the app in the city's own database (DB_CHIFENG) …
    const admin = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const f = await makeFixture('chifeng');
    const created = await call('POST', '/api/t/chifeng/orgs', { token: admin.token, body: { parentId: f.parent.id, name: '赤峰市搬迁测试党支部', kind: '党支部', domain: '社区' } });
    expect(created.status, await created.clone().text()).toBe(201);
    // … and identities with their audit (a login, an account made by the city admin) in the control database.
    const account = await call('POST', '/api/t/chifeng/accounts', {
      token: admin.token,
      body: { username: 'move_test_member', displayName: '搬迁测试', password: 'Move@2026pass', grants: [{ role: 'member' }] },
    });
    expect(account.status, await account.clone().text()).toBe(201);

    // A default category the city renamed: the move must carry the edit over the row the tenant migrations seed.
    await bindings.DB_CHIFENG!.prepare(`UPDATE list_categories SET name = '文化活动（市级）', version = 2 WHERE id = 'cat_culture'`).run();

    const city = await contents(bindings.DB_CHIFENG!);
    const identity = await contents(bindings.DB_CONTROL!, CONTROL_TABLES);
    // Not a vacuous move: the city's registry, alliances, lists, keys and audit all have rows.
    for (const t of ['organizations', 'alliances', 'alliance_members', 'needs', 'resources', 'projects', 'api_keys', 'audit_log', 'list_categories']) {
      expect(city[t]?.length ?? 0, `city rows in ${t}`).toBeGreaterThan(0);
    }
    expect(identity.audit_log!.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'user.create']));

    // The old layout: the frozen control set (tenant and control tables together), holding both.
    await applyD1Migrations(oldControl, OLD_SET);
    await applyD1Migrations(movedCity, TENANT_SET);
    await copyInto(oldControl, bindings.DB_CHIFENG!);
    await copyInto(oldControl, bindings.DB_CONTROL!);
    expect(await controlHoldsCity(oldControl)).toBe(true);
    const oldTables = await tables(oldControl);
    const oldColumns = await columnsOf(oldControl);
    expect(await migrationNames(oldControl)).toEqual(OLD_SET.map((m) => m.name));

    const report = await moveCityOutOfControl({ control: oldControl, city: movedCity, controlMigrations: CONTROL_SET.map((m) => m.name) });
    expect(report.moved).toBe(true);

    // Every city row arrived, exactly (the audit moves with the city's actions; identity changes stay).
    // (Tables the old layout never had, like the outbox of ADR 0012, have nothing to move.)
    const movable = keep(Object.fromEntries(Object.entries(city).filter(([t]) => oldTables.includes(t))), oldColumns);
    expect(Object.keys(movable)).toEqual(expect.arrayContaining(['organizations', 'alliances', 'needs', 'audit_log']));
    expect(keep(await contents(movedCity, Object.keys(movable)), oldColumns)).toEqual(movable);
    // Control holds exactly the control tables, with exactly the identities and their audit …
    expect(await tables(oldControl)).toEqual([...CONTROL_TABLES].sort());
    expect(keep(await contents(oldControl, CONTROL_TABLES), oldColumns)).toEqual(keep(identity, oldColumns));
    // … its bookkeeping names the control set's baseline, the schema the move leaves behind,
    expect(await migrationNames(oldControl)).toEqual([CONTROL_SET[0]!.name]);
    // … so the later control migrations (0001_events …) apply as on any database, and the result is
    // built exactly as the control set builds a new one.
    await applyD1Migrations(oldControl, CONTROL_SET);
    expect(await schemaObjects(oldControl)).toEqual(await schemaObjects(bindings.DB_CONTROL!));
    expect(await migrationNames(oldControl)).toEqual(CONTROL_SET.map((m) => m.name));
    // The audit trail is append-only again once the move is done.
    await expect(oldControl.prepare('DELETE FROM audit_log').run()).rejects.toThrow(/append-only/);

    // Again: nothing to do, nothing changes.
    const [controlBefore, cityBefore] = [await contents(oldControl), await contents(movedCity)];
    const again = await moveCityOutOfControl({ control: oldControl, city: movedCity, controlMigrations: CONTROL_SET.map((m) => m.name) });
    expect(again).toEqual({ moved: false, rows: {}, dropped: [] });
    expect(await contents(oldControl)).toEqual(controlBefore);
    expect(await contents(movedCity)).toEqual(cityBefore);
    expect(await migrationNames(oldControl)).toEqual(CONTROL_SET.map((m) => m.name));
  });

});
