import { ORG_LIFE_PERIOD_MONTHS, type OrgLifeKind, type OrgLifePeriod } from '@ronghe/schema';

// Compliance of a branch's organizational life, pure (the tests and every read
// call the same functions). Dates are Asia/Shanghai calendar dates.
//
// Period-to-date rule: a period (month, quarter, half-year, year) is DUE once it
// has ended; the period the day falls in is still open (a branch may hold this
// month's 支委会 on its last day). A due period is MET when the branch held at
// least `times` meetings of the kind in it. A kind is met when every due period
// is met; e.g. 支委会 monthly, looked at on 15 October: January–September are due
// (9), October is open; one 支委会 in each of those nine months → met, a month
// without one → behind.

export interface Standard {
  kind: OrgLifeKind;
  period: OrgLifePeriod;
  times: number;
}

/** The branch work regulations' defaults (三会一课, 主题党日, 组织生活会, 民主评议党员). */
export const DEFAULT_STANDARDS: readonly Standard[] = [
  { kind: 'congress', period: 'quarter', times: 1 },
  { kind: 'committee', period: 'month', times: 1 },
  { kind: 'group', period: 'month', times: 1 },
  { kind: 'lecture', period: 'quarter', times: 1 },
  { kind: 'theme_day', period: 'month', times: 1 },
  { kind: 'life_meeting', period: 'year', times: 1 },
  { kind: 'appraisal', period: 'year', times: 1 },
];

/** The organization kinds that are branches and hold 三会一课. */
export const BRANCH_KINDS = ['党支部', '联合党支部'] as const;

/** Number of periods in a year. */
export function periodsInYear(period: OrgLifePeriod): number {
  return 12 / ORG_LIFE_PERIOD_MONTHS[period];
}

/** 0-based index of the period a date falls in. */
export function periodIndex(date: string, period: OrgLifePeriod): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / ORG_LIFE_PERIOD_MONTHS[period]);
}

/** Periods of `year` that have ended by `today`: all for a past year, none for a future one. */
export function periodsDue(period: OrgLifePeriod, year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return periodsInYear(period);
  if (year > thisYear) return 0;
  return periodIndex(today, period);
}

export interface KindCompliance extends Standard {
  periodsDue: number;
  periodsMet: number;
  held: number;
  status: 'met' | 'behind';
}

/** One kind's compliance from the meetings held per period (index → count). */
export function kindCompliance(std: Standard, year: number, today: string, heldPerPeriod: ReadonlyMap<number, number>): KindCompliance {
  const due = periodsDue(std.period, year, today);
  let met = 0;
  let held = 0;
  for (const [p, n] of heldPerPeriod) {
    held += n;
    if (p < due && n >= std.times) met += 1;
  }
  return { ...std, periodsDue: due, periodsMet: met, held, status: met >= due ? 'met' : 'behind' };
}
