import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { organizations } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { makeOrg } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { openDb } from './db.ts';

const T = 'aohan';
const parent = alias(organizations, 'db_test_parent');

describe('a batched select whose result columns repeat a name (D1 keys batch rows by column name)', () => {
  it('is refused before it runs, naming the column; aliased, it reads each name where it belongs', async () => {
    const db = openDb(bindings[findTenant(T)!.binding]!);
    const top = await makeOrg(T, { name: `批量上级${Date.now() % 100000}党委` });
    const child = await makeOrg(T, { parent: top, name: `批量下级${Date.now() % 100000}党支部` });
    const read = (aliased: boolean) =>
      db
        .select({ name: organizations.name, parentName: aliased ? sql<string>`${parent.name}`.as('db_test_parent_name') : parent.name })
        .from(organizations)
        .innerJoin(parent, eq(parent.id, organizations.parentId))
        .where(eq(organizations.id, child.id));

    await expect(db.batch([read(false)])).rejects.toThrow('names result column(s) name twice');
    const [rows] = await db.batch([read(true)]);
    expect(rows).toEqual([{ name: child.name, parentName: top.name }]);
  });
});
