import { eq } from 'drizzle-orm';
import { AppError, conflict, notFound, type Ctx } from '@ronghe/core';
import { ratingLinks, type RatingLink } from '@ronghe/schema';
import { CLOSED, loadAssessment, type LoadedAssessment } from './load.ts';
import { linkStatus } from './links-stats.ts';
import { tokenHash } from './tokens.ts';

const UNKNOWN = '评议链接无效，请核对链接或二维码';

/**
 * The link a resident holds, still answerable, with its assessment: unknown →
 * 404; used, expired or withdrawn → 410 with the reason; the assessment
 * finalized → 409. `ctx` is already the county the token names.
 */
export async function answerableLink(ctx: Ctx, token: string): Promise<{ link: RatingLink; loaded: LoadedAssessment }> {
  const [link] = await ctx.db.select().from(ratingLinks).where(eq(ratingLinks.tokenHash, await tokenHash(token))).limit(1);
  if (!link) throw new AppError('not_found', UNKNOWN);
  const status = linkStatus(link, ctx.clock.now());
  if (status === 'used') throw new AppError('gone', '该评议链接已使用过，每个链接只能评价一次', { extra: { reason: 'used' } });
  if (status === 'expired') throw new AppError('gone', '该评议链接已过期', { extra: { reason: 'expired' } });
  if (status === 'revoked') throw new AppError('gone', '该评议链接已作废', { extra: { reason: 'revoked' } });
  const loaded = await loadAssessment(ctx, link.assessmentId).catch(() => {
    throw notFound('评议');
  });
  if (loaded.assessment.status !== 'open') throw conflict(CLOSED);
  return { link, loaded };
}

export { UNKNOWN as UNKNOWN_LINK };
