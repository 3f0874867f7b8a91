// The tables whose lists are in pinyin order and so carry a `sort_key` column
// computed from a name (ADR 0018). The write paths keep the key; this list
// tells the backfill (`backfillSortKeys`, run by the Cron Triggers) where rows
// from before the column, or from an older server, may still lack it.
// `indexed` leads the search into the table's sort index.

/** Tables of every tenant database (the counties and the city). */
export const TENANT_SORT_KEYS = [
  { table: 'organizations', column: 'name', indexed: `status IN ('active', 'inactive')` },
  { table: 'alliances', column: 'name' },
] as const;

/** Tables of the control database. */
export const CONTROL_SORT_KEYS = [{ table: 'users', column: 'display_name' }] as const;
