import { and, eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, auditInsert, inList, insertRows, isStaleGuardError, newId, writeBatch, type Ctx } from '@ronghe/core';
import { people, postClaims, type MyPostsView } from '@ronghe/schema';
import { fieldError, loadPost, requireSelf, today } from './shared.ts';
import { myPostsOf } from './views.ts';

const UNIQUE_LIVE = /UNIQUE constraint failed: post_claims/;

/**
 * 领岗: the signed-in member claims a post, alone or with a volunteer team by
 * specialty (seed 003): team members are active people of the claimant's own
 * home branch and, when the post names skills, each has one of them. Each
 * person gets their own claim row (one `groupId` over the team). The places
 * are taken in the same batch by a guarded UPDATE, so two claims for the last
 * place cannot both land.
 */
export async function claimPost({ ctx, input }: { ctx: Ctx; input: { postId: string; teamIds?: string[]; note?: string | null } }): Promise<MyPostsView> {
  const me = await requireSelf(ctx);
  const { post } = await loadPost(ctx, input.postId);
  const on = today(ctx);
  if (post.status !== 'open') throw new AppError('conflict', '该岗位已关闭，不再接受领岗');
  if (post.endsOn < on) throw new AppError('conflict', `该岗位已于 ${post.endsOn} 结束，不能再领岗`);
  const teamIds = [...new Set(input.teamIds ?? [])].filter((id) => id !== me.id);
  if (teamIds.length) {
    if (!me.homeOrgId) throw fieldError('body.teamIds', '本人没有所属支部，不能组队领岗');
    const rows = await ctx.db.select({ id: people.id, homeOrgId: people.homeOrgId, status: people.status, skills: people.skills }).from(people).where(inList(people.id, teamIds));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, id] of teamIds.entries()) {
      const r = byId.get(id);
      if (!r || r.status !== 'active' || r.homeOrgId !== me.homeOrgId) throw fieldError(`body.teamIds.${i}`, '队员须为与本人同一支部的在册人员');
      if (post.skills.length && !r.skills.some((s) => post.skills.includes(s))) throw fieldError(`body.teamIds.${i}`, `队员须具备岗位所需特长之一：${post.skills.join('、')}`);
    }
  }
  const who = [me.id, ...teamIds];
  const live = await ctx.db
    .select({ personId: postClaims.personId })
    .from(postClaims)
    .where(and(eq(postClaims.postId, post.id), inList(postClaims.personId, who), sql`${postClaims.status} IN ('pending', 'approved')`));
  if (live.length) throw new AppError('conflict', live.some((l) => l.personId === me.id) ? '您已领过该岗位，不能重复领岗' : '有队员已领过该岗位，不能重复领岗');
  const n = who.length;
  if (post.taken + n > post.places) throw new AppError('conflict', `岗位名额不足：共 ${post.places} 人，已领 ${post.taken} 人`, { errors: [{ path: 'body.teamIds', message: '岗位名额不足' }] });
  const now = ctx.clock.now();
  const ids = who.map(() => newId('pcm', now));
  const groupId = n > 1 ? ids[0]! : null;
  const rows = who.map((personId, i) => ({ id: ids[i]!, postId: post.id, personId, groupId, status: 'pending' as const, note: input.note ?? null, claimedBy: ctx.actor.userId, claimedOn: on, createdAt: now }));
  const auditOf = (r: (typeof rows)[number]) => ({ action: 'post_claim.create', entityType: 'post_claim', entityId: r.id, after: { claimId: r.id, postId: r.postId, personId: r.personId, groupId: r.groupId, status: r.status } });
  try {
    await writeBatch(ctx.db, [
      // Takes the places only while the post is open, not ended and has room; otherwise the guarded audit aborts the batch.
      sql`UPDATE posts SET taken = taken + ${n}, version = version + 1, updated_at = ${now}
          WHERE id = ${post.id} AND status = 'open' AND ends_on >= ${on} AND taken + ${n} <= places`,
      auditGuarded(ctx, auditOf(rows[0]!)),
      ...insertRows(postClaims, rows),
      ...rows.slice(1).map((r) => auditInsert(ctx, auditOf(r))),
    ]);
  } catch (err) {
    const msg = String((err as Error).message) + String((err as { cause?: Error }).cause?.message);
    if (UNIQUE_LIVE.test(msg)) throw new AppError('conflict', n > 1 ? '本人或队员已领过该岗位，不能重复领岗' : '您已领过该岗位，不能重复领岗');
    if (isStaleGuardError(err)) throw new AppError('conflict', '岗位名额已满或已关闭，领岗未成功', { errors: [{ path: 'body.teamIds', message: '岗位名额不足' }] });
    throw err;
  }
  return myPostsOf(ctx, me.id, me.name);
}

/** The member's own claim, or 404 (another person's claim is not theirs to see). */
export async function ownClaim(ctx: Ctx, personId: string, claimId: string) {
  const [c] = await ctx.db.select().from(postClaims).where(eq(postClaims.id, claimId)).limit(1);
  if (!c || c.personId !== personId) throw new AppError('not_found', '领岗记录不存在或无权访问');
  return c;
}
