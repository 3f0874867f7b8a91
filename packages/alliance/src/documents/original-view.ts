import type { AllianceDocument, DocumentOriginalView } from '@ronghe/schema';

type OriginalColumns = Pick<AllianceDocument, 'originalSha256' | 'originalSize' | 'originalType' | 'originalName' | 'originalAt' | 'originalBy'>;

/** The original's description from the document's columns; null until a scan is attached. */
export function originalOf(d: OriginalColumns): DocumentOriginalView | null {
  if (!d.originalSha256 || d.originalSize === null || !d.originalType || d.originalAt === null) return null;
  return { sha256: d.originalSha256, size: d.originalSize, contentType: d.originalType, fileName: d.originalName, uploadedAt: d.originalAt, uploadedByName: d.originalBy };
}
