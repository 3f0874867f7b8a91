import { is, sql, SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from './db.ts';

/** Anything that renders to one SQL statement: a drizzle query builder or a raw `sql` template. */
export type Statement = SQL | { toSQL(): { sql: string; params: unknown[] } };

const dialect = new SQLiteSyncDialect();

/**
 * Runs write statements as one atomic D1 batch. D1 has no interactive
 * transactions; a batch is its unit of atomicity, so a change and its audit
 * record always travel together through here. (Drizzle's own `batch` cannot
 * take raw `sql` statements, which the guarded audit inserts need.)
 */
export async function writeBatch(db: TenantDb, statements: readonly Statement[]): Promise<D1Result[]> {
  if (statements.length === 0) return [];
  const d1 = db.$client;
  const prepared = statements.map((s) => {
    const q = is(s, SQL) ? dialect.sqlToQuery(s) : s.toSQL();
    return d1.prepare(q.sql).bind(...q.params);
  });
  return d1.batch(prepared);
}

/**
 * `column IN (…values)` with one bound parameter, whatever the list length:
 * D1 allows at most 100 bound parameters per statement.
 */
export function inList(column: import('drizzle-orm').Column | SQL, values: readonly string[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
