/** 元 with two decimals for a spreadsheet cell: 分 / 100 as a number (exact enough to show; every sum is made in 分 first). */
export const yuanCell = (fen: number | null) => (fen === null ? { value: null } : { value: fen / 100, type: Number, format: '#,##0.00' });

/** 分 as 元 text with two decimals, for titles and notes: integer arithmetic, no float rounding. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
