import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { activityPhotos, PHOTO_MAX_PER_ACTIVITY, type ActivityPhotoList } from '@ronghe/schema';
import { loadActivity } from '../activities/get.ts';
import { toPhotoView } from './store.ts';

/** An activity's photos, oldest first; another county's activity is simply not in this tenant's database (404). */
export async function listActivityPhotos({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ActivityPhotoList> {
  const a = await loadActivity(ctx, input.id);
  const rows = await ctx.db.select().from(activityPhotos).where(eq(activityPhotos.activityId, a.id)).orderBy(asc(activityPhotos.at), asc(activityPhotos.id));
  return { items: rows.map(toPhotoView), max: PHOTO_MAX_PER_ACTIVITY };
}
