import { AppError, type Ctx } from '@ronghe/core';
import { PHOTO_TYPES, type ActivityPhoto, type ActivityPhotoView, type PhotoType } from '@ronghe/schema';

/** The part of the R2 bucket the photos use; a narrow type so a test can hand in a fake. */
export type PhotoStore = Pick<R2Bucket, 'put' | 'get' | 'delete'>;

/** Under the tenant's own prefix, then the activity, then the content's SHA-256 (a repeated upload writes the same object). */
export function photoKey(ctx: Ctx, activityId: string, sha256: string): string {
  return `${ctx.tenant.slug}/activity-photos/${activityId}/${sha256}`;
}

export function requireStore(store: PhotoStore | undefined): PhotoStore {
  // A deployment without the DOCUMENTS bucket binding is a configuration error, not the user's.
  if (!store) throw new AppError('internal', '活动照片存储未配置');
  return store;
}

const SIGNATURES: ReadonlyArray<{ type: PhotoType; magic: readonly number[] }> = [
  // The full eight-byte PNG signature
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG start-of-image marker followed by the next marker's 0xFF
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** What a photo is, by its first bytes — never by its name or the declared type (ADR 0017). */
export function sniffPhoto(bytes: Uint8Array): PhotoType | null {
  const hit = SIGNATURES.find((s) => s.magic.length <= bytes.length && s.magic.every((b, i) => bytes[i] === b));
  return hit?.type ?? null;
}

export const PHOTO_TYPE_NAMES: Record<PhotoType, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG' };
export const PHOTO_EXTENSIONS: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };
export const isPhotoType = (t: string): t is PhotoType => (PHOTO_TYPES as readonly string[]).includes(t);

export function toPhotoView(p: ActivityPhoto): ActivityPhotoView {
  return { id: p.id, activityId: p.activityId, contentType: p.contentType, size: p.size, sha256: p.sha256, originalName: p.originalName, uploadedBy: p.uploadedBy, at: p.at };
}
