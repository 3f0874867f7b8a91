import { fillPlaceholders, sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import type { TenantDb } from './db.ts';

/**
 * Hot reads (list pages, one alliance's detail) built once per query shape and
 * isolate instead of once per request (issue 15 § 2, ADR 0032). Drizzle turning
 * a select into SQL — its column walk, entity checks, escaping — cost a list
 * request about as much CPU as SQLite running it; the SQL of a shape never
 * changes, only its values, so the shape's statement is kept and the values are
 * bound to it. Values go in as placeholders (`ph('name')`): a value never
 * becomes part of the cached SQL, so nothing of one request reaches another.
 */

interface Shape {
  /** Drizzle's prepared query: its SQL with placeholders, and the mapping of result rows to the select's fields. */
  query: { getQuery(): { sql: string; params: unknown[] }; mapResult(response: unknown, isFromBatch?: boolean): unknown };
  stmt: D1PreparedStatement;
}

/** A read ready to run in a batch: its shape's statement and this request's values. */
export interface PreparedRead<T> {
  shape: Shape;
  values: Record<string, unknown>;
  /** Phantom: the rows' type, as the drizzle select would return them. */
  readonly rows?: T;
}

/** Shapes per database: a handful per route (which filters are present), bounded below anyway. */
const shapes = new WeakMap<TenantDb, Map<string, Shape>>();
const MAX_SHAPES = 500;

/** A named placeholder for a value bound at run time. */
export const ph = (name: string): Placeholder<string, unknown> => sql.placeholder(name);

/**
 * `column` is one of a list bound as one JSON value under `name` (the value:
 * `JSON.stringify(ids)`): any number of ids, one placeholder, one shape.
 */
export const inBoundList = (column: Column | SQL, name: string): SQL => sql`${column} IN (SELECT value FROM json_each(${ph(name)}))`;

/**
 * The read of shape `key`: `build` runs only the first time the isolate meets
 * the shape and must build the same SQL for every request that names the key
 * (every value through `ph`, every variation of the SQL spelled out in the key).
 */
export function preparedRead<B extends PromiseLike<unknown> & { prepare(): unknown }>(
  db: TenantDb,
  key: string,
  build: () => B,
  values: Record<string, unknown> = {},
): PreparedRead<Awaited<B>> {
  let byKey = shapes.get(db);
  if (!byKey) shapes.set(db, (byKey = new Map()));
  let shape = byKey.get(key);
  if (!shape) {
    const query = build().prepare() as Shape['query'];
    shape = { query, stmt: db.$client.prepare(query.getQuery().sql) };
    if (byKey.size >= MAX_SHAPES) byKey.clear();
    byKey.set(key, shape);
  }
  return { shape, values };
}

type Rows<R> = R extends PreparedRead<infer T> ? T : never;

/** Runs the reads in one D1 batch (one round trip) and maps each result as drizzle would. */
export async function runPreparedReads<const R extends readonly PreparedRead<unknown>[]>(db: TenantDb, reads: R): Promise<{ -readonly [K in keyof R]: Rows<R[K]> }> {
  const stmts = reads.map((r) => r.shape.stmt.bind(...fillPlaceholders(r.shape.query.getQuery().params, r.values)));
  const results = await db.$client.batch(stmts);
  return results.map((res, i) => reads[i]!.shape.query.mapResult(res, true)) as { -readonly [K in keyof R]: Rows<R[K]> };
}
