import { and, eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, isStaleGuardError, writeBatch, type Ctx } from '@ronghe/core';
import { postClaims, POST_CLAIM_STATUS_LABELS, type PostWorkView } from '@ronghe/schema';
import { assertOwner, fieldError, loadPost } from './shared.ts';
import { postWork } from './views.ts';

/** The post owner approves or declines a pending claim; a decline needs a reason and gives the place back. */
export async function decideClaim({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { postId: string; claimId: string; decision: 'approve' | 'decline'; reason?: string | null };
}): Promise<PostWorkView> {
  const { post, owner } = await loadPost(ctx, input.postId);
  assertOwner(ctx, 'post.decide', owner, '只有设岗的社区或联合体可以审核领岗');
  const [claim] = await ctx.db.select().from(postClaims).where(and(eq(postClaims.id, input.claimId), eq(postClaims.postId, post.id))).limit(1);
  if (!claim) throw new AppError('not_found', '领岗记录不存在或无权访问');
  if (claim.status !== 'pending') throw new AppError('conflict', `该领岗已${POST_CLAIM_STATUS_LABELS[claim.status]}，不能再作决定`);
  if (input.decision === 'decline' && !input.reason) throw fieldError('body.reason', '不同意领岗时请说明理由');
  const to = input.decision === 'approve' ? 'approved' : 'declined';
  const now = ctx.clock.now();
  try {
    await writeBatch(ctx.db, [
      ctx.db
        .update(postClaims)
        .set({ status: to, decisionReason: input.reason ?? null, decidedBy: ctx.actor.userId, decidedAt: now })
        .where(and(eq(postClaims.id, claim.id), eq(postClaims.status, 'pending'))),
      auditGuarded(ctx, {
        action: `post_claim.${input.decision}`,
        entityType: 'post_claim',
        entityId: claim.id,
        before: { status: claim.status },
        after: { claimId: claim.id, postId: post.id, personId: claim.personId, status: to, reason: input.reason ?? null },
      }),
      // A declined claim gives its place back.
      ...(to === 'declined' ? [sql`UPDATE posts SET taken = taken - 1, version = version + 1, updated_at = ${now} WHERE id = ${post.id}`] : []),
    ]);
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('conflict', '该领岗已被处理，请刷新后查看');
    throw err;
  }
  return postWork({ ctx, input: { id: post.id } });
}
