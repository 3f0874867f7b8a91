// Money is integer 分 everywhere (DOMAIN.md § Money). People read and type 元
// with two decimals; the conversion works on the decimal string, never on a
// float, so 0.1 + 0.2 never becomes 30.000000000000004 分.

/** 123456 分 → "1,234.56". */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const n = Math.trunc(fen);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** 123456 分 → "1,234.56 元". */
export const formatFen = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `${formatYuan(fen)} 元`);

const YUAN_RE = /^(\d{1,12})(?:\.(\d{0,2}))?$/;

/**
 * "1234.5" 元 → 123450 分, exactly. Accepts thousands separators and a
 * trailing "元"; returns null for anything else (negative, more than two
 * decimals, not a number).
 */
export function yuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const s = String(input).trim().replace(/,/g, '').replace(/元$/, '').trim();
  const m = YUAN_RE.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** 123450 分 → "1234.50", the value an amount input starts with when editing. */
export function fenToYuanInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${(fen % 100).toString().padStart(2, '0')}`;
}

/** Basis points of progress (万分比) as a whole-ish percent: 6667 → 66.67. */
export const bpToPct = (bp: number): number => Math.round(bp) / 100;
