import type { AggregateWindow } from '@ronghe/core';

/** How many months the trend keeps (issue 13: the last 24 months). */
export const TREND_MONTHS = 24;

const SHANGHAI_MS = 8 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The rollup's window at `now`: this year and day in Asia/Shanghai, and the 24 months ending this one. */
export function windowAt(now: number): AggregateWindow {
  const d = new Date(now + SHANGHAI_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth(); // 0-based
  const today = `${year}-${pad(month + 1)}-${pad(d.getUTCDate())}`;
  const months: string[] = [];
  for (let i = TREND_MONTHS - 1; i >= 0; i--) {
    const m = new Date(Date.UTC(year, month - i, 1));
    months.push(`${m.getUTCFullYear()}-${pad(m.getUTCMonth() + 1)}`);
  }
  const first = new Date(Date.UTC(year, month - (TREND_MONTHS - 1), 1)).getTime() - SHANGHAI_MS;
  return { year, today, months, fromMs: first };
}
