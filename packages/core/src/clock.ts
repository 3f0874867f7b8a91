/** Time is a dependency: tests pass a fixed clock, production the real one. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(start: number): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Formats an epoch-ms instant as Asia/Shanghai local time, `YYYY-MM-DD HH:mm:ss`. */
export function formatShanghai(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** Asia/Shanghai calendar date `YYYY-MM-DD` of an instant. */
export function shanghaiDate(ms: number): string {
  return formatShanghai(ms).slice(0, 10);
}
