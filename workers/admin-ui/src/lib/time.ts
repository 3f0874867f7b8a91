import type { Dayjs } from 'dayjs';

// Every official reads times in Beijing time, whatever the browser's zone.
const TZ = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MS = 8 * 3600_000; // no DST in China since 1991

const fmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
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
