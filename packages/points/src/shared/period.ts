import type { CapPeriod } from '@ronghe/schema';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai year and month an instant falls in: the ledger's period keys. */
export function periodOf(ms: number): { year: number; month: number } {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** Noon in Asia/Shanghai of a `YYYY-MM-DD` date, as epoch ms (a manual award's day). */
export function shanghaiNoon(date: string): number {
  return Date.parse(`${date}T12:00:00+08:00`);
}

/** The months of `year` a cap period containing `month` spans, inclusive. */
export function capMonths(period: CapPeriod, month: number): [number, number] {
  if (period === 'month') return [month, month];
  if (period === 'quarter') {
    const first = Math.floor((month - 1) / 3) * 3 + 1;
    return [first, first + 2];
  }
  return [1, 12];
}

/** Full hours in a number of minutes ("每满1小时"): 59 minutes earn nothing, 119 minutes one hour. */
export function fullHours(minutes: number): number {
  return Math.max(0, Math.floor(minutes / 60));
}
