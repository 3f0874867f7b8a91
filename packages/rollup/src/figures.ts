import type { MonthSeries } from '@ronghe/core';
import type { MonthFigures } from '@ronghe/schema';

/** A county with nothing: every figure 0, every record empty (the contract's own, schema/rollup-view.ts). */
export { emptyCountyFigures as emptyFigures } from '@ronghe/schema';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge of a figures fragment into `into` (fragments of different sources touch different leaves). */
export function mergeInto(into: Record<string, unknown>, part: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(part)) {
    if (isObject(v) && isObject(into[k])) mergeInto(into[k] as Record<string, unknown>, v);
    else into[k] = isObject(v) ? structuredClone(v) : v;
  }
}

/**
 * Adds `b` into `a`, leaf by leaf: counts add, records add key by key; the
 * assessment year is the latest of the two (the city's distribution sums each
 * county's latest finalized year).
 */
export function addInto(a: Record<string, unknown>, b: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(b)) {
    if (k === 'year') {
      const x = a[k] as number | null | undefined;
      a[k] = v == null ? (x ?? null) : x == null ? v : Math.max(x, v as number);
    } else if (typeof v === 'number') a[k] = ((a[k] as number | undefined) ?? 0) + v;
    else if (isObject(v)) {
      if (!isObject(a[k])) a[k] = {};
      addInto(a[k] as Record<string, unknown>, v);
    }
  }
}

export const MONTH_KEYS = ['alliancesEstablished', 'needsMet', 'projectsCompleted', 'activitiesHeld', 'meetingsHeld', 'pointsAwarded', 'disbursedFen'] as const;
export type MonthKey = (typeof MONTH_KEYS)[number];

/** The months' columns in `rollup_months`. */
export const MONTH_COLUMNS: Record<MonthKey, string> = {
  alliancesEstablished: 'alliances_established',
  needsMet: 'needs_met',
  projectsCompleted: 'projects_completed',
  activitiesHeld: 'activities_held',
  meetingsHeld: 'meetings_held',
  pointsAwarded: 'points_awarded',
  disbursedFen: 'disbursed_fen',
};

export const emptyMonth = (month: string): MonthFigures => ({ month, ...Object.fromEntries(MONTH_KEYS.map((k) => [k, 0])) }) as MonthFigures;

/** The trend of `months` from month series (a missing month or key is 0). */
export function trendOf(months: readonly string[], series: MonthSeries): MonthFigures[] {
  return months.map((m) => {
    const row = emptyMonth(m);
    for (const k of MONTH_KEYS) row[k] = series[k]?.[m] ?? 0;
    return row;
  });
}

/** The sum of several trends over the same months. */
export function sumTrends(months: readonly string[], trends: ReadonlyArray<readonly MonthFigures[]>): MonthFigures[] {
  const out = months.map(emptyMonth);
  for (const t of trends) {
    t.forEach((row, i) => {
      for (const k of MONTH_KEYS) out[i]![k] += row[k];
    });
  }
  return out;
}
