import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { activityPhotos } from '@ronghe/schema';
import { loadActivity } from '../activities/get.ts';
import { requireManagedAlliance } from '../activities/shared.ts';
import { requireStore, type PhotoStore } from './store.ts';

/**
 * Removes a photo: the row and its audit row in one batch, then the object
 * (unless another photo of the activity is the same bytes). A failed object
 * delete leaves an unreferenced object, never a row without bytes.
 */
export async function removeActivityPhoto({ ctx, input, store }: { ctx: Ctx; input: { id: string; photoId: string }; store: PhotoStore | undefined }): Promise<void> {
  const a = await loadActivity(ctx, input.id);
  await requireManagedAlliance(ctx, a.allianceId, null);
  const [p] = await ctx.db.select().from(activityPhotos).where(and(eq(activityPhotos.id, input.photoId), eq(activityPhotos.activityId, a.id))).limit(1);
  if (!p) throw new AppError('not_found', '照片不存在或已删除');
  const bucket = requireStore(store);
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db.delete(activityPhotos).where(eq(activityPhotos.id, p.id)),
      auditGuarded(ctx, { action: 'activity.photo_remove', entityType: 'activity_photo', entityId: p.id, before: { activityId: a.id, allianceId: a.allianceId, sha256: p.sha256, size: p.size, contentType: p.contentType } }),
    ]),
  );
  const [other] = await ctx.db.select({ id: activityPhotos.id }).from(activityPhotos).where(eq(activityPhotos.r2Key, p.r2Key)).limit(1);
  if (!other) await bucket.delete(p.r2Key);
}
