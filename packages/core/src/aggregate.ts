/**
 * A capability's figures for the city's rollup (issue 13, ADR 0022), read
 * through its read.ts: the statements to run (the rollup batches every
 * source's statements into one D1 round trip per county) and how to turn
 * their results into a fragment of the county's figures. The owner of the
 * tables writes the SQL; the rollup only composes.
 */
export interface AggregateWindow {
  /** The current year and day in Asia/Shanghai (`YYYY-MM-DD`). */
  year: number;
  today: string;
  /** The months of the trend, oldest first (`YYYY-MM`, 24 of them). */
  months: readonly string[];
  /** Epoch ms of the first month's start (Asia/Shanghai). */
  fromMs: number;
}

/** Month series by MonthFigures key, each `YYYY-MM` → value (a missing month is 0). */
export type MonthSeries = Partial<Record<'alliancesEstablished' | 'needsMet' | 'projectsCompleted' | 'activitiesHeld' | 'meetingsHeld' | 'pointsAwarded' | 'disbursedFen', Record<string, number>>>;

export interface AggregateRead<T> {
  statements(d1: D1Database, w: AggregateWindow): D1PreparedStatement[];
  parse(results: ReadonlyArray<D1Result<Record<string, unknown>>>, w: AggregateWindow): T;
}

/** A figures fragment and the months it fills. */
export interface FiguresPart {
  figures: Record<string, unknown>;
  months: MonthSeries;
}

/** Rows of a `SELECT m, n … GROUP BY m` as a month series. */
export function monthSeries(rows: ReadonlyArray<Record<string, unknown>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (typeof r.m === 'string') out[r.m] = Number(r.n ?? 0);
  return out;
}

/** A count read from SQLite (null, undefined or a bigint-ish) as a non-negative integer. */
export const toCount = (v: unknown): number => Math.max(0, Math.trunc(Number(v ?? 0)) || 0);

/** SQL: an epoch-ms column as its Asia/Shanghai month `YYYY-MM`. */
export const shanghaiMonthSql = (col: string) => `strftime('%Y-%m', ${col} / 1000 + 28800, 'unixepoch')`;

/** A list of fixed codes as an SQL `IN (…)` list (codes come from constant lists, never from input). */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
