import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { organizations } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { makeOrg } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { openDb } from './db.ts';
import { pagedPreparedRead, ph, preparedRead, runPreparedReads, verifyPreparedShapes } from './prepared-reads.ts';

const T = 'aohan';

/** Children of `parentId` in pages of `limit`, through the helper, as a list route reads them. */
function children(parentId: string, limit: number, cursor?: string | null) {
  const db = openDb(bindings[findTenant(T)!.binding]!);
  const where = [eq(organizations.parentId, ph('parent'))];
  return pagedPreparedRead(db, {
    shape: 'test.children:parent',
    values: { parent: parentId },
    limit,
    cursor,
    keyset: [organizations.sortKey, organizations.id],
    page: (after, lim) =>
      db
        .select({ id: organizations.id, name: organizations.name, sortKey: organizations.sortKey })
        .from(organizations)
        .where(and(...where, after))
        .orderBy(asc(organizations.sortKey), asc(organizations.id))
        .limit(lim),
    total: () => db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organizations).where(and(...where)),
    keyOf: (r) => [r.sortKey, r.id],
  });
}

describe('pagedPreparedRead (issue 15 § 2)', () => {
  it('walks a keyset page by page with the total on every page, ties broken by id, and no cursor after the last', async () => {
    const parent = await makeOrg(T);
    const stamp = Date.now().toString(36);
    // Pinyin order: 安 an < 北 bei < 东 dong < 峰 feng; the two 东 share their sort key and go by id.
    for (const [suffix, name] of [['e', '峰'], ['a', '安'], ['d2', '东'], ['b', '北'], ['d1', '东']] as const) {
      await makeOrg(T, { parent, id: `org_pg${stamp}_${suffix}`, name });
    }
    const id = (suffix: string) => `org_pg${stamp}_${suffix}`;

    const first = await children(parent.id, 2);
    expect(first.rows.map((r) => r.id)).toEqual([id('a'), id('b')]);
    expect(first.total).toBe(5);
    expect(first.nextCursor).not.toBeNull();

    const second = await children(parent.id, 2, first.nextCursor);
    expect(second.rows.map((r) => r.id)).toEqual([id('d1'), id('d2')]);
    expect(second.total).toBe(5);

    const third = await children(parent.id, 2, second.nextCursor);
    expect(third.rows.map((r) => r.id)).toEqual([id('e')]);
    expect(third.total).toBe(5);
    expect(third.nextCursor).toBeNull();

    // A page exactly as long as what is left has no next page either.
    const whole = await children(parent.id, 5);
    expect(whole.rows.map((r) => r.name)).toEqual(['安', '北', '东', '东', '峰']);
    expect(whole.nextCursor).toBeNull();
  });

  it('binds each request its own values to the kept statement', async () => {
    const one = await makeOrg(T);
    const other = await makeOrg(T);
    const child = await makeOrg(T, { parent: other, name: '赤峰测试支部' });
    // Same shape, other values: the statement kept for `one` answers for `other` with other's rows.
    expect((await children(one.id, 20)).total).toBe(0);
    const page = await children(other.id, 20);
    expect(page.rows.map((r) => r.id)).toEqual([child.id]);
    expect(page.total).toBe(1);
    expect((await children(one.id, 20)).rows).toEqual([]);
  });

  it('maps rows as drizzle does: nested objects, decoded columns, a missed left join as null', async () => {
    const db = openDb(bindings[findTenant(T)!.binding]!);
    const root = await makeOrg(T, { name: '映射测试党委' });
    const child = await makeOrg(T, { parent: root, name: '映射测试支部', weakFlag: true });
    const parent = alias(organizations, 'parent');
    const select = () =>
      db
        // D1 answers a batch with one object per row, so no two columns may share a name (drizzle's batch has the same limit).
        .select({
          org: { id: organizations.id, depth: organizations.depth, weakFlag: organizations.weakFlag },
          parent: { name: parent.name, path: parent.path },
          kids: sql<number>`(SELECT count(*) FROM organizations k WHERE k.parent_id = ${organizations.id})`.mapWith(Number),
        })
        .from(organizations)
        .leftJoin(parent, eq(parent.id, organizations.parentId))
        .where(inArray(organizations.id, [ph('a'), ph('b')]))
        .orderBy(asc(organizations.depth));
    const [rows] = await runPreparedReads(db, [preparedRead(db, 'test.mapping', select, { a: root.id, b: child.id })]);
    expect(rows.map((r) => [r.org.id, r.parent?.name ?? null, r.kids, r.org.weakFlag])).toEqual([
      [root.id, null, 1, false],
      [child.id, '映射测试党委', 0, true],
    ]);
    expect(rows[0]!.parent).toBeNull();
    // Field for field what drizzle's own mapper returns for the same select.
    expect(rows).toEqual(await select().prepare().all({ a: root.id, b: child.id }));
  });
});

describe('kept shapes never carry a request value (tests verify every read)', () => {
  const db = () => openDb(bindings[findTenant(T)!.binding]!);
  const byName = (key: string, name: string, baked: boolean) =>
    preparedRead(db(), key, () => db().select({ id: organizations.id }).from(organizations).where(eq(organizations.name, baked ? name : ph('name'))), { name });

  it('refuses a builder that put the value into the SQL once a second request sends another', async () => {
    const a = await makeOrg(T, { name: '赤峰验证甲支部' });
    const b = await makeOrg(T, { name: '赤峰验证乙支部' });
    verifyPreparedShapes(true);
    const first = await runPreparedReads(db(), [byName('test.baked', a.name, true)]);
    expect(first[0].map((r) => r.id)).toEqual([a.id]);
    // Without the check this would answer a's row to a request for b.
    expect(() => byName('test.baked', b.name, true)).toThrow(/prepared read "test\.baked".*a value reached the SQL instead of a placeholder/s);
  });

  it('lets a placeholder shape answer each request with its own rows', async () => {
    const a = await makeOrg(T, { name: '赤峰验证丙支部' });
    const b = await makeOrg(T, { name: '赤峰验证丁支部' });
    verifyPreparedShapes(true);
    const [ra] = await runPreparedReads(db(), [byName('test.placeholder', a.name, false)]);
    const [rb] = await runPreparedReads(db(), [byName('test.placeholder', b.name, false)]);
    expect(ra.map((r) => r.id)).toEqual([a.id]);
    expect(rb.map((r) => r.id)).toEqual([b.id]);
  });
});
