import { sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import type { TenantDb } from './db.ts';

/**
 * The key a Chinese name sorts by (ADR 0018). SQLite compares text by code
 * point, which puts 张 before 李 and 阿 last; D1 offers no ICU collation. So
 * every table whose lists are ordered by a name stores this key beside it,
 * computed on every write, and orders by (sort_key, id).
 *
 * - Each character becomes its toneless pinyin syllable (pinyin-pro, which reads
 *   polyphones in context: 银行 → yin hang, 长青 → chang qing); syllables are
 *   separated by a space, which sorts before every letter, so 阿 (a) < 阿里
 *   (a li) < 艾 (ai), as in a dictionary.
 * - Runs of other characters keep their text, lower-cased; digit runs are
 *   zero-padded to ten places, so 第2网格 comes before 第10网格.
 * - After U+0001 (below the space) the name itself follows: names that read the
 *   same (张 and 章) stay apart and in a fixed order.
 */
export function pinyinSortKey(name: string): string {
  const text = name.normalize('NFC');
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.trim().toLowerCase().replace(/\d+/g, (d) => d.padStart(10, '0')))
    .filter((s) => s !== '');
  return `${syllables.join(' ')}\u0001${text}`;
}

/** Which rows of a table still lack their sort key, and where the key comes from. */
export interface SortKeySource {
  table: string;
  /** The column the key is computed from (`name`, `display_name`). */
  column: string;
  /**
   * A condition on the leading columns of the table's sort index, so the search
   * for empty keys is an index range and not a scan (e.g. `status IN (…)`).
   */
  indexed?: string;
}

/**
 * Gives rows written before their table had a sort key (or by a server that did
 * not yet write one) their key: at most `rounds` × `rows` rows per call, in
 * `rounds` SELECT + UPDATE pairs (D1: ≤ 100 KB per statement, the JSON of 300
 * rows is far below; ≤ 1,000 queries per invocation). A row renamed meanwhile
 * already has its key and is left alone (`sort_key = ''` on the UPDATE).
 * Returns how many rows got a key; run again until it returns 0. ADR 0018.
 */
export async function backfillSortKeys(db: TenantDb, src: SortKeySource, opts: { rows?: number; rounds?: number } = {}): Promise<number> {
  const rows = opts.rows ?? 300;
  const table = sql.identifier(src.table);
  const where = src.indexed ? sql`${sql.raw(src.indexed)} AND sort_key = ''` : sql`sort_key = ''`;
  let done = 0;
  for (let round = 0; round < (opts.rounds ?? 10); round++) {
    const found = await db.all<{ id: string; name: string }>(sql`SELECT id, ${sql.identifier(src.column)} AS name FROM ${table} WHERE ${where} LIMIT ${rows}`);
    if (!found.length) break;
    const keys = JSON.stringify(found.map((r) => [r.id, pinyinSortKey(r.name)]));
    const res = await db.run(sql`UPDATE ${table} SET sort_key = j.value->>1 FROM json_each(${keys}) AS j WHERE ${table}.id = j.value->>0 AND ${table}.sort_key = ''`);
    done += res.meta.changes ?? 0;
    if (found.length < rows) break;
  }
  return done;
}
