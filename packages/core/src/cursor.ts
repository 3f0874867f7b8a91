import { base64ToBytes, bytesToBase64Url } from './base64.ts';
import { AppError } from './errors.ts';

/** Opaque keyset cursors: base64url of a small JSON tuple. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(values)));
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(base64ToBytes(cursor)));
    if (
      Array.isArray(parsed) &&
      parsed.length === arity &&
      parsed.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return parsed as (string | number)[];
    }
  } catch {
    // fall through to the error below: a tampered cursor is the client's mistake
  }
  throw new AppError('validation_failed', '分页游标无效', { errors: [{ path: 'query.cursor', message: '分页游标无效，请从第一页重新查询' }] });
}

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/**
 * One keyset page from rows fetched with `limit + 1`: the page itself and the
 * cursor past its last row, or null when the extra row shows there is no more.
 */
export function keysetPage<R>(rows: readonly R[], limit: number, keyOf: (row: R) => readonly (string | number)[]): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
