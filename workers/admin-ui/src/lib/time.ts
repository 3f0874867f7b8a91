import type { Dayjs } from 'dayjs';

// Every official reads times in Beijing time, whatever the browser's zone. Beijing is UTC+8 all
// year (no DST in China since 1991), so the wall clock is plain arithmetic: no Intl time-zone
// formatter, whose construction loads the zone data and cost ~30 ms of a cold page load
// (bench/ui-profile.ts).
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** An instant as Beijing wall-clock time: 2026-12-05 09:30:00. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const iso = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Start of the calendar day the user picked, as a Beijing-time instant. */
export function shanghaiDayStart(d: Dayjs): number {
  return Date.UTC(d.year(), d.month(), d.date()) - SHANGHAI_OFFSET_MS;
}

/** Last millisecond of the picked calendar day in Beijing time. */
export function shanghaiDayEnd(d: Dayjs): number {
  return Date.UTC(d.year(), d.month(), d.date() + 1) - SHANGHAI_OFFSET_MS - 1;
}

/** Today's date in Beijing, as the server stores dates: 2026-12-05. */
export function todayShanghai(): string {
  return new Date(Date.now() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** This year in Beijing (the browser's own clock may sit in another zone on New Year's Eve). */
export function thisYearShanghai(): number {
  return new Date(Date.now() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

/** Minutes as hours people read: 150 → 2.5 小时. */
export function hoursText(minutes: number): string {
  return `${Math.round((minutes / 60) * 10) / 10} 小时`;
}
