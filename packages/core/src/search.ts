import { sql, type Column, type SQL } from 'drizzle-orm';
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
export function textContains(column: Column | SQL, q: string): SQL {
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
