import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { posts, type PostView } from '@ronghe/schema';
import { loadPost, ownersOf, postView, today } from './shared.ts';

/** Posts of the county, newest first; `open=1` lists those a member can claim today. Capped: a county defines tens of posts, not thousands. */
export async function listPosts({ ctx, input }: { ctx: Ctx; input: { open?: '1' | '0'; ownerOrgId?: string; ownerAllianceId?: string } }): Promise<{ items: PostView[] }> {
  const on = today(ctx);
  const where: SQL[] = [];
  if (input.open === '1') where.push(eq(posts.status, 'open'), gte(posts.endsOn, on), lt(posts.taken, posts.places));
  if (input.ownerOrgId) where.push(eq(posts.ownerOrgId, input.ownerOrgId));
  if (input.ownerAllianceId) where.push(eq(posts.ownerAllianceId, input.ownerAllianceId));
  const rows = await ctx.db
    .select()
    .from(posts)
    .where(where.length ? and(...where) : sql`1 = 1`)
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(500);
  const ownerOf = await ownersOf(ctx, rows);
  return { items: rows.map((p) => postView(p, ownerOf(p), on)) };
}

export async function getPost({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<PostView> {
  const { post, owner } = await loadPost(ctx, input.id);
  return postView(post, owner, today(ctx));
}
