import { count, eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, checkUpload, isStaleGuardError, newId, writeBatch, type Ctx } from '@ronghe/core';
import { activityPhotos, PHOTO_MAX_BYTES, PHOTO_MAX_PER_ACTIVITY, PHOTO_TYPES, type ActivityPhoto, type ActivityPhotoView } from '@ronghe/schema';
import { loadActivity } from '../activities/get.ts';
import { requireManagedAlliance } from '../activities/shared.ts';
import { photoKey, requireStore, toPhotoView, type PhotoStore } from './store.ts';

export interface AddPhotoInput {
  id: string;
  /** The request's Content-Type, as the client declared it. */
  declaredType: string | null;
  fileName: string | null;
  bytes: ArrayBuffer;
}

/**
 * Adds a photo to an activity. The bytes decide the type (JPEG/PNG), at most
 * 10 MB and 20 photos per activity. The object goes to R2 first, then the row
 * and its audit row (with the event) in one batch; if the batch fails the
 * object is deleted again, unless another row already names the same bytes.
 */
export async function addActivityPhoto({ ctx, input, store }: { ctx: Ctx; input: AddPhotoInput; store: PhotoStore | undefined }): Promise<ActivityPhotoView> {
  const a = await loadActivity(ctx, input.id);
  await requireManagedAlliance(ctx, a.allianceId, null);
  if (a.status === 'cancelled') throw new AppError('conflict', '活动已取消，不能再上传照片');

  const { bytes, type: actual, sha256 } = await checkUpload(input, { accepted: PHOTO_TYPES, maxBytes: PHOTO_MAX_BYTES, what: '活动照片', acceptedMessage: '活动照片只接受 JPG 或 PNG 格式' });
  const [{ n }] = (await ctx.db.select({ n: count() }).from(activityPhotos).where(eq(activityPhotos.activityId, a.id))) as [{ n: number }];
  if (n >= PHOTO_MAX_PER_ACTIVITY) throw new AppError('conflict', `每个活动最多上传 ${PHOTO_MAX_PER_ACTIVITY} 张照片，请先删除不需要的照片`);

  const key = photoKey(ctx, a.id, sha256);
  const bucket = requireStore(store);
  await bucket.put(key, bytes, { sha256, httpMetadata: { contentType: actual } });

  const now = ctx.clock.now();
  const row: ActivityPhoto = { id: newId('aph', now), activityId: a.id, r2Key: key, sha256, size: bytes.byteLength, contentType: actual, originalName: input.fileName, uploadedBy: ctx.actor.displayName, at: now };
  try {
    await writeBatch(ctx.db, [
      ctx.db.insert(activityPhotos).values(row),
      // The count and the cancellation were read above; the batch checks them again, or a concurrent upload makes a 21st.
      auditGuarded(
        ctx,
        { action: 'activity.photo_add', entityType: 'activity_photo', entityId: row.id, after: { activityId: a.id, allianceId: a.allianceId, sha256, size: row.size, contentType: actual } },
        sql`(SELECT count(*) FROM activity_photos WHERE activity_id = ${a.id}) <= ${PHOTO_MAX_PER_ACTIVITY} AND EXISTS (SELECT 1 FROM activities WHERE id = ${a.id} AND status <> 'cancelled')`,
      ),
    ]);
  } catch (e) {
    // Same bytes already on this activity keep their object; otherwise nothing names it now.
    const [other] = await ctx.db.select({ id: activityPhotos.id }).from(activityPhotos).where(eq(activityPhotos.r2Key, key)).limit(1);
    if (!other) await bucket.delete(key);
    if (isStaleGuardError(e)) throw new AppError('conflict', `活动刚刚已取消或已有 ${PHOTO_MAX_PER_ACTIVITY} 张照片，请刷新后查看`);
    throw e;
  }
  return toPhotoView(row);
}
