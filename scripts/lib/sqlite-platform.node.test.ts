import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, TENANTS } from '../../packages/tenancy/src/registry.ts';
import { DATABASES } from './local-platform.ts';
import { locateSqliteFiles, openSqliteD1, openSqlitePlatform } from './sqlite-platform.ts';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sqlite-platform-'));
  dir = join(root, 'v3/d1/miniflare-D1DatabaseObject');
  mkdirSync(dir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** One file per database under names that say nothing, as miniflare's hashes do. */
function files(): Map<string, string> {
  const map = new Map<string, string>();
  DATABASES.forEach((d, i) => {
    const path = join(dir, `${(i * 7919).toString(16).padStart(8, '0')}.sqlite`);
    new DatabaseSync(path).close();
    map.set(d.binding, path);
  });
  return map;
}

describe('the direct SQLite platform (the bench seed at ×10)', () => {
  it('finds each binding’s file by a marker written through the other platform, and leaves no marker behind', async () => {
    const truth = files();
    const proxy = openSqlitePlatform(truth);
    const found = await locateSqliteFiles(proxy, root);
    expect(found).toEqual(truth);
    const left = proxy.db(CONTROL).prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '%locate%'");
    expect(await left.first('n')).toBe(0);
    await proxy.dispose();
  });

  it('names the databases it cannot find', async () => {
    const truth = files();
    const first = TENANTS[0]!;
    rmSync(truth.get(first.binding)!);
    // The stand-in proxy still writes its marker somewhere: into a file outside the searched directory.
    truth.set(first.binding, join(root, 'elsewhere.sqlite'));
    const proxy = openSqlitePlatform(truth);
    await expect(locateSqliteFiles(proxy, root)).rejects.toThrow(`找不到这些数据库的文件：${first.binding}`);
    await proxy.dispose();
  });

  it('runs a batch as one transaction: a failing statement undoes the ones before it', async () => {
    const platform = openSqlitePlatform(files());
    const db = platform.db(CONTROL);
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    await db.batch([db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind(1, '红山区')]);
    await expect(
      db.batch([db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind(2, '松山区'), db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind(1, '重复')]),
    ).rejects.toThrow(/UNIQUE/);
    expect((await db.prepare('SELECT id, name FROM t ORDER BY id').all()).results).toEqual([{ id: 1, name: '红山区' }]);
    await platform.dispose();
  });

  it('answers first(), raw() and run() as D1 does, and enforces foreign keys as D1 does', async () => {
    const platform = openSqlitePlatform(files());
    const db = platform.db(CONTROL);
    await db.exec('CREATE TABLE p (id TEXT PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT NOT NULL REFERENCES p(id), ok INTEGER)');
    const run = await db.prepare('INSERT INTO p (id) VALUES (?), (?)').bind('a', 'b').run();
    expect(run.meta.changes).toBe(2);
    // Booleans are bound as 0/1 and undefined as NULL, like D1's binding.
    await db.prepare('INSERT INTO c (id, p, ok) VALUES (?, ?, ?)').bind(1, 'a', true).run();
    expect(await db.prepare('SELECT ok FROM c WHERE id = 1').first('ok')).toBe(1);
    expect(await db.prepare('SELECT * FROM c WHERE id = 9').first()).toBeNull();
    expect(await db.prepare('SELECT id FROM p ORDER BY id').raw({ columnNames: true })).toEqual([['id'], ['a'], ['b']]);
    await expect(db.prepare('INSERT INTO c (id, p) VALUES (2, ?)').bind('zzz').run()).rejects.toThrow(/FOREIGN KEY/);
    await platform.dispose();
  });

  it('tells an observer of each statement run, by its SQL, batched or not', async () => {
    const path = join(dir, 'observed.sqlite');
    const seen: string[] = [];
    const { db, sqlite } = openSqliteD1(path, { observe: (sql, cpuMs) => cpuMs >= 0 && seen.push(sql) });
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    await db.batch([db.prepare('INSERT INTO t (id) VALUES (?)').bind(1), db.prepare('INSERT INTO t (id) VALUES (?)').bind(2)]);
    expect(await db.prepare('SELECT count(*) AS n FROM t').first('n')).toBe(2);
    expect(seen).toEqual(['CREATE TABLE t (id INTEGER PRIMARY KEY)', 'INSERT INTO t (id) VALUES (?)', 'INSERT INTO t (id) VALUES (?)', 'SELECT count(*) AS n FROM t']);
    sqlite.close();
  });
});
