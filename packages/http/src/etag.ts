import { AppError } from '@ronghe/core';

/** Strong ETag from an entity's version counter. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/**
 * Reads `If-Match`: 428 when absent, 412 when it is not a version tag.
 * Returns the version the client last saw; the business function compares it.
 */
export function expectedVersion(ifMatch: string | undefined): number {
  if (!ifMatch) throw new AppError('precondition_required', '修改前请先读取最新数据，并在 If-Match 请求头中带上 ETag');
  const m = /^(?:W\/)?"v(\d{1,9})"$/.exec(ifMatch.trim());
  if (!m) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  return Number(m[1]);
}
