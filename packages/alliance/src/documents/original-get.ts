import { AppError, type Ctx } from '@ronghe/core';
import type { OriginalType } from '@ronghe/schema';
import { requireStore, type OriginalStore } from './original-store.ts';
import { findDocument } from './view.ts';

export interface OriginalDownload {
  body: ReadableStream;
  contentType: OriginalType;
  size: number;
  sha256: string;
  fileName: string;
}

const EXTENSIONS: Record<OriginalType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/**
 * The bytes of a document's original, for whoever may read the document. The
 * row is looked up in the request's own tenant database, so another county's
 * document is simply not there (404); its key also carries the tenant prefix.
 */
export async function getOriginal({ ctx, input, store }: { ctx: Ctx; input: { id: string; docId: string }; store: OriginalStore | undefined }): Promise<OriginalDownload> {
  const d = await findDocument(ctx, input.id, input.docId);
  if (!d.originalKey || !d.originalType || !d.originalSha256 || d.originalSize === null) throw new AppError('not_found', '该文书尚未上传盖章扫描件');
  if (!d.originalKey.startsWith(`${ctx.tenant.slug}/`)) throw new AppError('not_found', '该文书尚未上传盖章扫描件');
  const obj = await requireStore(store).get(d.originalKey);
  if (!obj) throw new AppError('not_found', '盖章扫描件已不在存储中，请重新上传');
  return {
    body: obj.body,
    contentType: d.originalType,
    size: d.originalSize,
    sha256: d.originalSha256,
    fileName: d.originalName ?? `${d.title}.${EXTENSIONS[d.originalType]}`,
  };
}
