import { and, Column, eq, fillPlaceholders, getTableName, gt, is, or, Placeholder, SQL, sql, Subquery, type AnyColumn } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { assertDistinctResultColumns, type TenantDb } from './db.ts';

/**
 * Hot reads (list pages, one alliance's detail) built once per query shape and
 * isolate instead of once per request (issue 15 § 2, ADR 0032). Drizzle turning
 * a select into SQL — its column walk, entity checks, escaping — cost a list
 * request about as much CPU as SQLite running it; the SQL of a shape never
 * changes, only its values, so the shape's statement is kept and the values are
 * bound to it. Values go in as placeholders (`ph('name')`): a value never
 * becomes part of the cached SQL, so nothing of one request reaches another.
 */

/** Drizzle's prepared query: its SQL with placeholders, and what maps result rows to the select's fields. */
interface DrizzleQuery {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
  executeMethod?: string;
  fields?: ReadonlyArray<{ path: string[]; field: unknown }>;
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: unknown;
}

interface Shape {
  query: DrizzleQuery;
  stmt: D1PreparedStatement;
  /** The SQL the statement was prepared from. */
  text: string;
  /** The query's parameters, placeholders included, as drizzle built them once. */
  params: unknown[];
  /** Rows of a batch result to the select's fields, as drizzle's own mapper would give them. */
  map: (response: D1Result) => unknown;
}

type Decoder = { mapFromDriverValue(value: unknown): unknown };

/**
 * Drizzle's row mapping (`mapResultRow`) for one select, with what it decides
 * per column — which decoder, which nested object, which joined table —
 * decided once per shape instead of once per cell: on a page of 20 alliances
 * drizzle's generic walk cost about as much CPU as the rest of the route's own
 * code (issue 15 § 2). The result is the same object drizzle builds: fields
 * in order, nested by path, a left-joined table's object null when all its
 * columns are null and the join may miss. Selects drizzle maps some other way
 * (a custom mapper, no fields, `get`/`run`) keep drizzle's mapper.
 */
function compileMapper(query: DrizzleQuery): Shape['map'] {
  const { fields, joinsNotNullableMap, customResultMapper } = query;
  if (query.executeMethod !== 'all' || !fields || customResultMapper) return (res) => query.mapResult(res, true);
  // Rows are read by position from D1's objects: a repeated column name would shift them.
  assertDistinctResultColumns(fields.map((f) => f.field));
  const columns = fields.map(({ path, field }) => {
    // `decoder` is drizzle's own (internal) field of an SQL expression: what mapResultRow uses.
    const decoderOf = (expr: unknown) => (expr as { decoder: Decoder }).decoder;
    const decoder: Decoder = is(field, Column) ? field : is(field, SQL) ? decoderOf(field) : is(field, Subquery) ? decoderOf(field._.sql) : decoderOf((field as SQL.Aliased).sql);
    // Which joined table's object this column may null (drizzle: a column of a table selected as an object).
    const table = joinsNotNullableMap && is(field, Column) && path.length === 2 ? getTableName(field.table) : null;
    return { path, decoder, table };
  });
  const mapRow = (values: unknown[]): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    const nullify: Record<string, string | false> = {};
    for (let i = 0; i < columns.length; i++) {
      const { path, decoder, table } = columns[i]!;
      let node = result;
      for (let p = 0; p < path.length - 1; p++) {
        const chunk = path[p]!;
        if (!(chunk in node)) node[chunk] = {};
        node = node[chunk] as Record<string, unknown>;
      }
      const raw = values[i];
      const value = (node[path[path.length - 1]!] = raw === null ? null : decoder.mapFromDriverValue(raw));
      if (table !== null) {
        const objectName = path[0]!;
        if (!(objectName in nullify)) nullify[objectName] = value === null ? table : false;
        else if (typeof nullify[objectName] === 'string' && nullify[objectName] !== table) nullify[objectName] = false;
      }
    }
    if (joinsNotNullableMap) {
      for (const objectName in nullify) {
        const table = nullify[objectName];
        if (typeof table === 'string' && !joinsNotNullableMap[table]) result[objectName] = null;
      }
    }
    return result;
  };
  // D1 answers a batch with one object per row, its columns in select order (drizzle reads them the same way).
  return (res) => (res.results as Record<string, unknown>[]).map((row) => mapRow(Object.values(row)));
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
    const query = build().prepare() as DrizzleQuery;
    const { sql: text, params } = query.getQuery();
    shape = { query, stmt: db.$client.prepare(text), text, params, map: compileMapper(query) };
    if (byKey.size >= MAX_SHAPES) byKey.clear();
    byKey.set(key, shape);
  } else if (verifying) {
    verifyShape(key, shape, build);
  }
  return { shape, values };
}

let verifying = false;

/**
 * Tests turn this on (test/support/verify-prepared-shapes.ts): every read of a
 * kept shape then builds its SQL again and compares it with the kept one. A
 * builder that let a request's value into the SQL (instead of a `ph`), or a
 * key that misses a variation of the SQL, would otherwise serve one request's
 * statement to the next — another person's filter, or another tenant's id.
 * Off in production: building is what the kept shape saves.
 */
export function verifyPreparedShapes(on: boolean): void {
  verifying = on;
}

/** Placeholders compare by name, other parameters (constants of the shape) by value. */
function sameParam(a: unknown, b: unknown): boolean {
  if (is(a, Placeholder) || is(b, Placeholder)) return is(a, Placeholder) && is(b, Placeholder) && a.name === b.name;
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
}

function verifyShape(key: string, shape: Shape, build: () => PromiseLike<unknown> & { prepare(): unknown }): void {
  const { sql: text, params } = (build().prepare() as DrizzleQuery).getQuery();
  const same = text === shape.text && params.length === shape.params.length && params.every((p, i) => sameParam(p, shape.params[i]));
  if (!same) {
    throw new Error(
      `prepared read "${key}": this request built other SQL or parameters than the kept shape — a value reached the SQL instead of a placeholder, or the key misses a variation.\nkept:  ${shape.text} ${JSON.stringify(shape.params)}\nbuilt: ${text} ${JSON.stringify(params)}`,
    );
  }
}

type Rows<R> = R extends PreparedRead<infer T> ? T : never;

/** Runs the reads in one D1 batch (one round trip) and maps each result as drizzle would. */
export async function runPreparedReads<const R extends readonly PreparedRead<unknown>[]>(db: TenantDb, reads: R): Promise<{ -readonly [K in keyof R]: Rows<R[K]> }> {
  const stmts = reads.map((r) => r.shape.stmt.bind(...fillPlaceholders(r.shape.params, r.values)));
  const results = await db.$client.batch(stmts);
  return results.map((res, i) => reads[i]!.shape.map(res)) as { -readonly [K in keyof R]: Rows<R[K]> };
}

type Buildable = PromiseLike<unknown> & { prepare(): unknown };
type RowOf<B> = Awaited<B> extends ReadonlyArray<infer R> ? R : never;

/**
 * A keyset page and its total, in one round trip, each statement built once
 * per shape and isolate: the pattern of every hot list (organizations,
 * alliances). The page is ordered by `keyset` (sort key, id) and the cursor is
 * the last row's pair; `page(after)` builds the select with `after` (the
 * keyset condition, absent on the first page) added to its filters, ordered
 * by the keyset and limited to `limit` (the placeholder; one row more than
 * the page is fetched to know whether another follows). `total()` counts the
 * same filters as `{ n }`. `shape` names which filters are present, as for
 * `preparedRead`; `values` are the filters' placeholder values.
 */
export async function pagedPreparedRead<P extends Buildable, C extends PromiseLike<ReadonlyArray<{ n: number }>> & { prepare(): unknown }>(
  db: TenantDb,
  spec: {
    shape: string;
    values: Record<string, unknown>;
    limit: number;
    cursor?: string | null | undefined;
    page: (after: SQL | undefined, limit: Placeholder<string, unknown>) => P;
    total: () => C;
    /** The row's (sort key, id): what the next page starts after. */
    keyOf: (row: RowOf<P>) => readonly [string, string];
    /** The page's order, (sort key, id), unique per row. */
    keyset: readonly [AnyColumn, AnyColumn];
  },
): Promise<{ rows: RowOf<P>[]; total: number; nextCursor: string | null }> {
  const pageValues: Record<string, unknown> = { ...spec.values, pageLimit: spec.limit + 1 };
  if (spec.cursor) {
    const [key, id] = decodeCursor(spec.cursor, 2).map(String) as [string, string];
    pageValues.cursorKey = key;
    pageValues.cursorId = id;
  }
  const [sortKey, idColumn] = spec.keyset;
  const [rows, totals] = await runPreparedReads(db, [
    preparedRead(
      db,
      `${spec.shape}.page${spec.cursor ? ',cursor' : ''}`,
      () => {
        const key = ph('cursorKey');
        const after = spec.cursor ? or(gt(sortKey, key), and(eq(sortKey, key), gt(idColumn, ph('cursorId')))) : undefined;
        return spec.page(after, ph('pageLimit'));
      },
      pageValues,
    ),
    preparedRead(db, `${spec.shape}.total`, spec.total, spec.values),
  ]);
  const all = rows as RowOf<P>[];
  const page = all.slice(0, spec.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    total: (totals as ReadonlyArray<{ n: number }>)[0]?.n ?? 0,
    nextCursor: all.length > spec.limit && last !== undefined ? encodeCursor([...spec.keyOf(last)]) : null,
  };
}
