import { getTableColumns, is, sql, SQL } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteTable } from 'drizzle-orm/sqlite-core';
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
  const { prepared, callers } = prepareWithOutbox(db.$client, statements);
  const results = await db.$client.batch(prepared);
  return callers.map((i) => results[i]!);
}

/**
 * Statements as D1 prepared statements, mapped as writeBatch maps them (each
 * audit INSERT followed by its outbox INSERT), for a caller that hands them to
 * someone else's batch: an events consumer returns its effect this way, and the
 * dispatcher runs it with its `consumed_events` row.
 */
export function prepareStatements(d1: D1Database, statements: readonly Statement[]): D1PreparedStatement[] {
  return prepareWithOutbox(d1, statements).prepared;
}

function prepareWithOutbox(d1: D1Database, statements: readonly Statement[]) {
  const prepared: D1PreparedStatement[] = [];
  const callers: number[] = [];
  for (const s of statements) {
    const q = is(s, SQL) ? dialect.sqlToQuery(s) : s.toSQL();
    callers.push(prepared.length);
    prepared.push(d1.prepare(q.sql).bind(...q.params));
    if (insertsAuditRows(q.sql)) prepared.push(d1.prepare(OUTBOX_AFTER_AUDIT_SQL));
  }
  return { prepared, callers };
}

/**
 * `column IN (…values)` with one bound parameter, whatever the list length:
 * D1 allows at most 100 bound parameters per statement.
 */
export function inList(column: import('drizzle-orm').Column | SQL, values: readonly string[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/**
 * Most rows, and most bytes of JSON, one json_each statement carries. The
 * rows travel as one bound value, which D1 caps at 2,000,000 bytes: 1 MB
 * leaves room for the JSON quoting. 400 rows keeps each statement's work small.
 */
export const JSON_CHUNK_ROWS = 400;
export const JSON_CHUNK_BYTES = 1_000_000;

const utf8 = new TextEncoder();

/** `rows` as JSON arrays of at most `maxRows` rows and (a single huge row aside) `maxBytes` bytes each. */
export function jsonChunks(rows: readonly unknown[], maxRows = JSON_CHUNK_ROWS, maxBytes = JSON_CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  let part: string[] = [];
  let size = 2;
  for (const row of rows) {
    const json = JSON.stringify(row);
    const bytes = utf8.encode(json).length + 1;
    if (part.length && (part.length >= maxRows || size + bytes > maxBytes)) {
      chunks.push(`[${part.join(',')}]`);
      part = [];
      size = 2;
    }
    part.push(json);
    size += bytes;
  }
  if (part.length) chunks.push(`[${part.join(',')}]`);
  return chunks;
}

/**
 * A multi-row INSERT of drizzle row objects that stays within D1's limits
 * whatever the row count: drizzle's `insert().values(rows)` binds every value
 * (14 columns × 8 alliance members is already past D1's 100 parameters);
 * here each statement binds one JSON value (see jsonChunks). Values go
 * through the columns' own mapping (booleans as 0/1, JSON columns as text).
 * A property a row leaves undefined is written NULL, not the column default.
 */
export function insertRows<T extends SQLiteTable>(table: T, rows: ReadonlyArray<T['$inferInsert']>): Statement[] {
  if (!rows.length) return [];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const values = rows.map((r) =>
    columns.map(([key, col]) => {
      const v = (r as Record<string, unknown>)[key];
      return v === undefined || v === null ? null : col.mapToDriverValue(v);
    }),
  );
  const names = sql.join(columns.map(([, col]) => sql.identifier(col.name)), sql`, `);
  const picks = sql.raw(columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(', '));
  return jsonChunks(values).map((chunk) => sql`INSERT INTO ${table} (${names}) SELECT ${picks} FROM json_each(${chunk})`);
}
