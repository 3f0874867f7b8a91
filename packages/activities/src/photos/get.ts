import { and, eq } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { activityPhotos, type PhotoType } from '@ronghe/schema';
import { loadActivity } from '../activities/get.ts';
import { PHOTO_EXTENSIONS, requireStore, type PhotoStore } from './store.ts';

export interface PhotoDownload {
  body: ReadableStream;
  contentType: PhotoType;
  size: number;
  sha256: string;
  fileName: string;
}

/** The bytes of a photo, for whoever may read the activity; looked up in the request's own tenant database. */
export async function getActivityPhoto({ ctx, input, store }: { ctx: Ctx; input: { id: string; photoId: string }; store: PhotoStore | undefined }): Promise<PhotoDownload> {
  const a = await loadActivity(ctx, input.id);
  const [p] = await ctx.db.select().from(activityPhotos).where(and(eq(activityPhotos.id, input.photoId), eq(activityPhotos.activityId, a.id))).limit(1);
  if (!p || !p.r2Key.startsWith(`${ctx.tenant.slug}/`)) throw new AppError('not_found', '照片不存在或已删除');
  const obj = await requireStore(store).get(p.r2Key);
  if (!obj) throw new AppError('not_found', '照片已不在存储中，请重新上传');
  return { body: obj.body, contentType: p.contentType, size: p.size, sha256: p.sha256, fileName: p.originalName ?? `${a.title}.${PHOTO_EXTENSIONS[p.contentType]}` };
}
