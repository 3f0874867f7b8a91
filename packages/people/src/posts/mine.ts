import type { Ctx } from '@ronghe/core';
import type { MyPostsView } from '@ronghe/schema';
import { requireSelf } from './shared.ts';
import { myPostsOf } from './views.ts';

/** 我的岗位: the signed-in member's claims, service records and confirmed hours. */
export async function myPosts({ ctx }: { ctx: Ctx }): Promise<MyPostsView> {
  const me = await requireSelf(ctx);
  return myPostsOf(ctx, me.id, me.name);
}
