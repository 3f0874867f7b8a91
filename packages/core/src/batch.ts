import { is, sql, SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { insertsAuditRows, OUTBOX_AFTER_AUDIT_SQL } from '@ronghe/events/catalogue';
import type { TenantDb } from './db.ts';

/** Anything that renders to one SQL statement: a drizzle query builder or a raw `sql` template. */
export type Statement = SQL | { toSQL(): { sql: string; params: unknown[] } };

const dialect = new SQLiteSyncDialect();

/**
 * Runs write statements as one atomic D1 batch. D1 has no interactive
 * transactions; a batch is its unit of atomicity, so a change, its audit
 * record and its domain event always travel together through here. (Drizzle's
 * own `batch` cannot take raw `sql` statements, which the guarded audit
 * inserts need.)
 *
 * Every statement that inserts audit rows is followed by the outbox INSERT
 * that derives their events (ADR 0012): callers never name an event. It comes
 * right AFTER the audit INSERT, so a guarded audit still reads `changes()` of
 * the UPDATE before it. The results keep the callers' indexes: the outbox
 * statements' results are left out.
 */
export async function writeBatch(db: TenantDb, statements: readonly Statement[]): Promise<D1Result[]> {
  if (statements.length === 0) return [];
  const d1 = db.$client;
  const prepared: D1PreparedStatement[] = [];
  const callers: number[] = [];
  for (const s of statements) {
    const q = is(s, SQL) ? dialect.sqlToQuery(s) : s.toSQL();
    callers.push(prepared.length);
    prepared.push(d1.prepare(q.sql).bind(...q.params));
    if (insertsAuditRows(q.sql)) prepared.push(d1.prepare(OUTBOX_AFTER_AUDIT_SQL));
  }
  const results = await d1.batch(prepared);
  return callers.map((i) => results[i]!);
}

/**
 * `column IN (…values)` with one bound parameter, whatever the list length:
 * D1 allows at most 100 bound parameters per statement.
 */
export function inList(column: import('drizzle-orm').Column | SQL, values: readonly string[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/** A LIKE pattern for "contains", with wildcards escaped: a search for `50%` means the text `50%`. Use with ESCAPE '\\'. */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
