// Joint meetings are due at least quarterly (seed 000 9.4, seed 002 (七)). A
// quarter that has ended without a meeting is missed; the quarter the day falls
// in is open until it ends (a meeting may still be held).

export type QuarterState = 'held' | 'missed' | 'open';

export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** Quarters 1–4 of `year` with their meeting counts and state on `today`. */
export function quarterStates(year: number, today: string, meetingsPerQuarter: ReadonlyMap<number, number>): Array<{ quarter: number; meetings: number; state: QuarterState }> {
  const thisYear = Number(today.slice(0, 4));
  const ended = year < thisYear ? 4 : year > thisYear ? 0 : quarterOf(today) - 1;
  return [1, 2, 3, 4].map((q) => {
    const n = meetingsPerQuarter.get(q) ?? 0;
    return { quarter: q, meetings: n, state: n > 0 ? 'held' : q <= ended ? 'missed' : 'open' };
  });
}
