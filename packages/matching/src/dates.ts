// Calendar dates as day numbers (days since 1970-01-01), so windows compare
// and subtract as integers. The engine never looks at clocks or time zones:
// the caller passes Asia/Shanghai calendar dates.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of 'YYYY-MM-DD', or null when the text is not a real date. */
export function dayNumber(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

export function dateText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
