// Money is integer 分 everywhere (DOMAIN.md § Money). Server-side texts that
// people read — an allocation's explanations, a signed export — show 元 with
// two decimals, written from the integer so no float ever rounds an amount.

/** 123456 分 → "1,234.56"; negative amounts keep their sign. Accepts bigint for exact intermediate products. */
export function formatYuan(fen: number | bigint): string {
  const n = typeof fen === 'bigint' ? fen : BigInt(Math.trunc(fen));
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** 123456 分 → "1,234.56 元". */
export const formatFen = (fen: number | bigint): string => `${formatYuan(fen)} 元`;
