import { desc, eq } from 'drizzle-orm';
import { forbidden, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { ratingLinks, type RatingLinkListView } from '@ronghe/schema';
import { linkStats, linkStatus } from './links-stats.ts';
import { loadAssessment } from './load.ts';

/** The residents' links of an assessment (never their tokens: those were shown once), newest first, with their counts. */
export async function listRatingLinks({ ctx, input }: { ctx: Ctx; input: { assessmentId: string } }): Promise<RatingLinkListView> {
  const { assessment, target } = await loadAssessment(ctx, input.assessmentId);
  if (!allows(ctx.actor, 'rating.links', target)) throw forbidden('群众评判链接由批准该联合体的党（工）委管理');
  const now = ctx.clock.now();
  const [rows, stats] = await Promise.all([
    ctx.db.select().from(ratingLinks).where(eq(ratingLinks.assessmentId, assessment.id)).orderBy(desc(ratingLinks.createdAt), desc(ratingLinks.id)).limit(1000),
    linkStats(ctx, assessment.id),
  ]);
  return {
    stats,
    links: rows.map((l) => ({ id: l.id, label: l.label, status: linkStatus(l, now), expiresAt: l.expiresAt, usedAt: l.usedAt, createdAt: l.createdAt })),
  };
}
