import { AppError, type Ctx } from '@ronghe/core';
import type { ActivityPhoto, ActivityPhotoView, PhotoType } from '@ronghe/schema';

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

export const PHOTO_EXTENSIONS: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

export function toPhotoView(p: ActivityPhoto): ActivityPhotoView {
  return { id: p.id, activityId: p.activityId, contentType: p.contentType, size: p.size, sha256: p.sha256, originalName: p.originalName, uploadedBy: p.uploadedBy, at: p.at };
}
