import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, TENANTS } from '../../packages/tenancy/src/registry.ts';
import { applyLocalMigrations, type LocalDb, type LocalPlatform } from './local-platform.ts';
import { openSqlitePlatform } from './sqlite-platform.ts';

// ADR 0036: `pnpm start`, the e2e server and the bench migrate their local databases in-process, in the
// bookkeeping wrangler keeps. Applied here to plain SQLite files (the bench's direct platform), one control
// database and one county's.

const HONGSHAN = TENANTS.find((t) => t.slug === 'hongshan')!;
const filesIn = (dir: string) => readdirSync(new URL(`../../${dir}`, import.meta.url)).filter((f) => f.endsWith('.sql')).sort();

let root: string;
let platform: LocalPlatform;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'local-migrations-'));
  platform = openSqlitePlatform(new Map([CONTROL, HONGSHAN].map((d) => [d.binding, join(root, `${d.binding}.sqlite`)])));
});
afterEach(async () => {
  await platform.dispose();
  rmSync(root, { recursive: true, force: true });
});

const recorded = async (binding: LocalDb) =>
  (await platform.db(binding).prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()).results.map((r) => r.name);
const tables = async (binding: LocalDb) =>
  (await platform.db(binding).prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>()).results.map((r) => r.name);

describe('local migrations, in-process', () => {
  it('applies every migration file of each kind of database, in order, and records each by its file name', async () => {
    await applyLocalMigrations(platform, [CONTROL, HONGSHAN]);
    expect(await recorded(CONTROL)).toEqual(filesIn('schema/migrations/control'));
    expect(await recorded(HONGSHAN)).toEqual(filesIn('schema/migrations/tenant'));
    // A county's tables and the control database's, each in its own (ADR 0013).
    expect(await tables(HONGSHAN)).toEqual(expect.arrayContaining(['organizations', 'alliances', 'audit_log']));
    expect(await tables(HONGSHAN)).not.toContain('users');
    expect(await tables(CONTROL)).toEqual(expect.arrayContaining(['users', 'sessions']));
  });

  it('applies only what is missing: a second run changes nothing; a migration that fails is not recorded', async () => {
    await applyLocalMigrations(platform, [HONGSHAN]);
    const all = filesIn('schema/migrations/tenant');
    const db = platform.db(HONGSHAN);
    await applyLocalMigrations(platform, [HONGSHAN]);
    expect(await recorded(HONGSHAN)).toEqual(all);

    // Forget the last migration's record: run again over its own tables it fails, and the run says which one it was.
    const last = all.at(-1)!;
    await db.prepare('DELETE FROM d1_migrations WHERE name = ?').bind(last).run();
    await db.prepare("INSERT INTO d1_migrations (name) VALUES ('keep-me')").run();
    await expect(applyLocalMigrations(platform, [HONGSHAN])).rejects.toThrow(`迁移失败：${HONGSHAN.name}（${HONGSHAN.binding}）的 ${last}`);
    // The failed batch added no record; the rows already there stay.
    expect(await recorded(HONGSHAN)).toEqual([...all.slice(0, -1), 'keep-me']);
  });
});
