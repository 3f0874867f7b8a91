import { describe, expect, it } from 'vitest';
import { formatShanghai, shanghaiDate } from './clock.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { isId, newId } from './ids.ts';
import { maskPhone } from './pii.ts';

describe('core helpers', () => {
  it('round-trips Chinese keyset cursors and refuses tampered ones', () => {
    const c = encodeCursor(['长青社区党委', 'org_01']);
    expect(decodeCursor(c, 2)).toEqual(['长青社区党委', 'org_01']);
    expect(() => decodeCursor('%%%', 2)).toThrow(/游标/);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(/游标/);
  });

  it('makes prefixed ids that sort by time', () => {
    const a = newId('org', 1_700_000_000_000);
    const b = newId('org', 1_700_000_000_001);
    expect(isId('org', a)).toBe(true);
    expect(a < b).toBe(true);
  });

  it('masks mobile and landline numbers', () => {
    expect(maskPhone('13904761234')).toBe('139****1234');
    expect(maskPhone('0476-8231234')).toBe('047*****1234');
    expect(maskPhone(null)).toBeNull();
  });

  it('shows instants in Asia/Shanghai', () => {
    // 2026-11-23T16:30:00Z is 00:30 on the 24th in Chifeng.
    expect(formatShanghai(Date.UTC(2026, 10, 23, 16, 30))).toBe('2026-11-24 00:30:00');
    expect(shanghaiDate(Date.UTC(2026, 10, 23, 16, 30))).toBe('2026-11-24');
  });
});
