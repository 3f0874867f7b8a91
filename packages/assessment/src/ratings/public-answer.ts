import { eq, sql } from 'drizzle-orm';
import { AppError, conflict, type Ctx } from '@ronghe/core';
import { ratingLinks, type ResidentAnswer } from '@ronghe/schema';
import { CLOSED } from './load.ts';
import { answerableLink } from './public-link.ts';
import { linkStatus } from './links-stats.ts';
import { RESIDENT_ACTOR, writeRating } from './write.ts';

/**
 * 群众评判: one resident's answer by link, no login. One batch claims the
 * link (only if still unused, unrevoked and unexpired) and writes the rating
 * only when that claim changed the row, then its audit row (actor: the
 * resident, recorded as 群众). Two POSTs with one token: the second's claim
 * changes nothing, so it writes nothing and is told the link is used; the
 * rating's rater key is the link, so the unique index stands behind it too.
 */
export async function answerByLink({ ctx, input }: { ctx: Ctx; input: ResidentAnswer & { token: string } }): Promise<{ ok: true }> {
  const { link, loaded } = await answerableLink(ctx, input.token);
  const now = ctx.clock.now();
  const claim = sql`UPDATE rating_links SET used_at = ${now}
    WHERE id = ${link.id} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${now}
      AND EXISTS (SELECT 1 FROM assessments WHERE id = ${link.assessmentId} AND status = 'open')`;
  const row = await writeRating(
    ctx,
    RESIDENT_ACTOR,
    { assessmentId: loaded.assessment.id, group: 'resident', raterKey: link.id, score: input.score, level: input.level, comment: input.comment?.trim() || null },
    [claim],
    sql`changes() = 1`,
  ).catch((err: unknown) => {
    // The unique index refused a second rating of this link (the race's loser): it was used.
    if (err instanceof AppError && err.code === 'conflict') throw new AppError('gone', '该评议链接已使用过，每个链接只能评价一次', { extra: { reason: 'used' } });
    throw err;
  });
  if (row) return { ok: true };
  // Nothing written: say why, as of now.
  const [now2] = await ctx.db.select().from(ratingLinks).where(eq(ratingLinks.id, link.id));
  const status = now2 ? linkStatus(now2, ctx.clock.now()) : 'revoked';
  if (status === 'used') throw new AppError('gone', '该评议链接已使用过，每个链接只能评价一次', { extra: { reason: 'used' } });
  if (status === 'expired') throw new AppError('gone', '该评议链接已过期', { extra: { reason: 'expired' } });
  if (status === 'revoked') throw new AppError('gone', '该评议链接已作废', { extra: { reason: 'revoked' } });
  throw conflict(CLOSED);
}
