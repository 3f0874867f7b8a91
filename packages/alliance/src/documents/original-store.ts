import { AppError, type Ctx } from '@ronghe/core';

/** The part of the R2 bucket the originals use; a narrow type so a test can hand in a fake. */
export type OriginalStore = Pick<R2Bucket, 'put' | 'get'>;

/**
 * The object key of an original: under the tenant's own prefix, then the
 * document, then the content's SHA-256. Content addressing keeps a replaced
 * scan's bytes under its old key (the audit log names its hash), and a
 * repeated upload of the same file writes the same object.
 */
export function originalKey(ctx: Ctx, docId: string, sha256: string): string {
  return `${ctx.tenant.slug}/alliance-documents/${docId}/${sha256}`;
}

export function requireStore(store: OriginalStore | undefined): OriginalStore {
  // A deployment without the DOCUMENTS bucket binding is a configuration error, not the user's.
  if (!store) throw new AppError('internal', '文书原件存储未配置');
  return store;
}
