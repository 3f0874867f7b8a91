import { sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * Text search that works at any query length (ADR 0014).
 *
 * D1 refuses a LIKE or GLOB pattern over 50 bytes — 17 Chinese characters —
 * so no search here uses LIKE on what a user typed. Names and titles have a
 * trigram FTS5 index (tenant migration 0009); other columns use instr(),
 * which has no pattern limit and no wildcards to escape.
 */

/** The trigram indexes of tenant migration 0009, by the table whose name/title column they index. */
export const NAME_INDEXES = {
  organizations: 'organizations_fts',
  alliances: 'alliances_fts',
  needs: 'needs_fts',
  resources: 'resources_fts',
  projects: 'projects_fts',
} as const;

export type IndexedTable = keyof typeof NAME_INDEXES;

/** The trigram tokenizer indexes runs of 3 characters: a shorter query cannot use the index. */
export const TRIGRAM = 3;

/**
 * The query as one FTS5 string: inside double quotes every character is
 * literal (AND, NEAR(, *, -, :, parentheses), a double quote is written
 * twice. A string is a phrase, and with trigrams a phrase is a substring.
 */
export function ftsPhrase(q: string): string {
  return `"${q.replaceAll('"', '""')}"`;
}

/** Characters as a person counts them (code points: an emoji is one, not two UTF-16 units). */
function characters(q: string): number {
  return [...q].length;
}

/**
 * `column` contains `q`, for a column without an index. ASCII letters match
 * in either case, as LIKE did; lower() and LIKE fold the same letters.
 */
export function textContains(column: Column | SQL, q: string | Placeholder): SQL {
  return sql`instr(lower(${column}), lower(${q})) > 0`;
}

/**
 * The indexed name/title of `table` contains `q`. `table` may be an alias
 * (the lead organization of an alliance); `column` is its name/title column,
 * used for 1–2 character queries, which are too short for trigrams.
 */
export function nameContains(indexed: IndexedTable, table: SQLiteTable, column: Column, q: string): SQL {
  if (characters(q) < TRIGRAM) return textContains(column, q);
  const index = sql.identifier(NAME_INDEXES[indexed]);
  return sql`${table}.rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ${ftsPhrase(q)})`;
}

/** Whether `q` is too short for the trigram index: the SQL of a search depends on it (see `nameContainsBound`). */
export function belowTrigram(q: string): boolean {
  return characters(q) < TRIGRAM;
}

/**
 * `nameContains` for a prepared read (packages/core/src/prepared-reads.ts):
 * the SQL depends only on whether the query is `belowTrigram`; the query
 * itself is bound at run time, as `q` and as its `ftsPhrase` (`phrase`).
 */
export function nameContainsBound(indexed: IndexedTable, table: SQLiteTable, column: Column, short: boolean, q: Placeholder, phrase: Placeholder): SQL {
  if (short) return textContains(column, q);
  const index = sql.identifier(NAME_INDEXES[indexed]);
  return sql`${table}.rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ${phrase})`;
}
