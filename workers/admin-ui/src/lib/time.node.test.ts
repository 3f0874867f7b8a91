import { describe, expect, it } from 'vitest';
import { formatTime } from './time.ts';

describe('formatTime: an instant as Beijing wall-clock time', () => {
  it('adds eight hours to UTC, across the date line of midnight', () => {
    // 2026-12-05T01:30:00Z is 09:30 in Beijing; 2026-12-31T16:00:00Z is New Year's midnight there.
    expect(formatTime(Date.UTC(2026, 11, 5, 1, 30, 0))).toBe('2026-12-05 09:30:00');
    expect(formatTime(Date.UTC(2026, 11, 31, 16, 0, 0))).toBe('2027-01-01 00:00:00');
    expect(formatTime(Date.UTC(2026, 11, 31, 15, 59, 59, 999))).toBe('2026-12-31 23:59:59');
  });

  it('shows a dash for no time', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime(undefined)).toBe('—');
  });
});
