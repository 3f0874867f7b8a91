import { describe, expect, it } from 'vitest';
import { formatFen, formatYuan } from './money.ts';

describe('fen formatter', () => {
  it('writes 元 with thousands separators and two decimals, from the integer', () => {
    expect(formatFen(123_456)).toBe('1,234.56 元');
    expect(formatFen(0)).toBe('0.00 元');
    expect(formatFen(1)).toBe('0.01 元');
    expect(formatYuan(-36_500)).toBe('-365.00');
    // 1147 万元 (seed 001) in 分, and a bigint beyond 2^53 stays exact.
    expect(formatFen(1_147_000_000)).toBe('11,470,000.00 元');
    expect(formatYuan(12_345_678_901_234_567_89n)).toBe('12,345,678,901,234,567.89');
  });
});
