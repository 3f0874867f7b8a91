import type { ActivityKind, QuotaPeriod, QuotaStanding } from '@ronghe/schema';

// Quota compliance, hand-defined (issue 11 § Activities; seed 000 9.2, seed 003 mechanism 3).
// A plan row asks for `required` held activities of a kind in every period of
// the year (the year itself, each half, quarter or month). On a date `today`:
//  - behind:  some period that has ENDED held fewer than `required`;
//  - met:     no ended period is short and the current period already has `required`
//             (after the year, every period has ended and none is short);
//  - at_risk: no ended period is short, the current period is short, and a quarter
//             of the period or less is left (a year: from about 1 October; a quarter:
//             its last 22–23 days; a month: its last 7–8 days) — time to act;
//  - open:    otherwise (the current period is short with more than a quarter of it left,
//             or the year has not begun).
// An activity counts when it was held (status `held`: someone checked in, or the
// alliance marked it held) on a date inside the period.

export interface QuotaRowInput {
  kind: ActivityKind;
  period: QuotaPeriod;
  required: number;
}

export interface Period {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The periods of a year for a frequency, as inclusive date ranges. */
export function periodsOf(year: number, period: QuotaPeriod): Period[] {
  const months = period === 'year' ? 12 : period === 'half' ? 6 : period === 'quarter' ? 3 : 1;
  const out: Period[] = [];
  for (let m = 1; m <= 12; m += months) {
    const endMonth = m + months - 1;
    out.push({ start: `${year}-${pad(m)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}` });
  }
  return out;
}

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

export interface RowStanding {
  standing: QuotaStanding;
  heldInPeriod: number;
  heldInYear: number;
}

/** A plan row's standing on `today` (Shanghai date), given the dates of the held activities of its kind in the year. */
export function rowStanding(row: QuotaRowInput, year: number, heldDates: readonly string[], today: string): RowStanding {
  const periods = periodsOf(year, row.period);
  const count = (p: Period) => heldDates.filter((d) => d >= p.start && d <= p.end).length;
  const heldInYear = heldDates.filter((d) => d.startsWith(`${year}-`)).length;
  const ended = periods.filter((p) => p.end < today);
  const current = periods.find((p) => p.start <= today && today <= p.end);
  const shown = current ?? (ended.length ? ended[ended.length - 1]! : periods[0]!);
  const heldInPeriod = count(shown);
  if (ended.some((p) => count(p) < row.required)) return { standing: 'behind', heldInPeriod, heldInYear };
  if (!current) return { standing: ended.length === periods.length ? 'met' : 'open', heldInPeriod, heldInYear };
  if (heldInPeriod >= row.required) return { standing: 'met', heldInPeriod, heldInYear };
  const length = dayNumber(current.end) - dayNumber(current.start) + 1;
  const left = dayNumber(current.end) - dayNumber(today) + 1;
  return { standing: left * 4 <= length ? 'at_risk' : 'open', heldInPeriod, heldInYear };
}

const ORDER: readonly QuotaStanding[] = ['behind', 'at_risk', 'open', 'met'];

/** An alliance's standing: its worst row (behind before at risk before open before met). */
export function worstStanding(standings: readonly QuotaStanding[]): QuotaStanding {
  return ORDER.find((s) => standings.includes(s)) ?? 'met';
}

export const STANDING_ORDER = ORDER;
