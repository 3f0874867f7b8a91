import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, checkUpload, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { allianceDocuments, ORIGINAL_MAX_BYTES, ORIGINAL_TYPES, type AllianceDocument, type DocumentView } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { loadAllianceParts } from '../alliances/parts.ts';
import { assertVersion } from '../common.ts';
import { originalKey, requireStore, type OriginalStore } from './original-store.ts';
import { originalOf } from './original-view.ts';
import { findDocument, signersOf, toView } from './view.ts';

export interface AttachOriginalInput {
  id: string;
  docId: string;
  expectedVersion: number;
  /** The request's Content-Type, as the client declared it. */
  declaredType: string | null;
  fileName: string | null;
  bytes: ArrayBuffer;
}

/**
 * Attaches (or replaces) the scanned, stamped original (盖章扫描件) of a
 * document: the bytes go to R2 under a tenant-scoped, content-addressed key,
 * the document row records hash, size and sniffed type, and the audit row
 * (with its event) keeps the previous hash. Adopted documents take originals
 * too: the stamp is what adoption looks like on paper.
 */
export async function attachOriginal({ ctx, input, store }: { ctx: Ctx; input: AttachOriginalInput; store: OriginalStore | undefined }): Promise<DocumentView> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  assertMay(ctx, 'alliance.manage', a);
  const current = await findDocument(ctx, a.id, input.docId);
  if (a.status === 'dissolved') throw new AppError('conflict', '已撤销的联合体的文书不能再上传原件');
  assertVersion(current.version, input.expectedVersion);

  const { bytes, type: actual, sha256 } = await checkUpload(input, { accepted: ORIGINAL_TYPES, maxBytes: ORIGINAL_MAX_BYTES, what: '盖章扫描件', acceptedMessage: '只接受 PDF、PNG 或 JPG 格式的盖章扫描件' });
  const key = originalKey(ctx, current.id, sha256);
  // R2 checks the bytes against the hash we computed; the object exists before the row names it,
  // so a failed batch leaves at most an unreferenced object (the same key if the upload is retried).
  await requireStore(store).put(key, bytes, { sha256, httpMetadata: { contentType: actual } });

  const now = ctx.clock.now();
  const next: AllianceDocument = {
    ...current,
    originalKey: key,
    originalSha256: sha256,
    originalSize: bytes.byteLength,
    originalType: actual,
    originalName: input.fileName,
    originalAt: now,
    originalBy: ctx.actor.displayName,
    version: current.version + 1,
    updatedAt: now,
  };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(allianceDocuments)
        .set({
          originalKey: next.originalKey,
          originalSha256: next.originalSha256,
          originalSize: next.originalSize,
          originalType: next.originalType,
          originalName: next.originalName,
          originalAt: next.originalAt,
          originalBy: next.originalBy,
          version: next.version,
          updatedAt: now,
        })
        .where(and(eq(allianceDocuments.id, current.id), eq(allianceDocuments.version, current.version))),
      auditGuarded(ctx, {
        action: 'alliance.document_original_upload',
        entityType: 'alliance_document',
        entityId: current.id,
        before: { original: originalOf(current) },
        after: { allianceId: a.id, original: originalOf(next) },
      }),
    ]),
  );
  return toView(next, signersOf(parts));
}
