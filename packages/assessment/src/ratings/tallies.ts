import { eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { assessmentRatings, type RatingTally } from '@ronghe/schema';
import { tallies } from './list.ts';

/**
 * Per rater group: how many answered, the average score (hundredths of a
 * point of 100) and the tally of levels — what lane assess turns into a
 * `rated` indicator's score (its average), and what 最强党支部's rules read
 * (the share of members' 优秀, residents' 不满意, departments' 较差).
 */
export async function ratingTallies(ctx: Ctx, assessmentId: string): Promise<RatingTally[]> {
  const rows = await ctx.db
    .select({ raterGroup: assessmentRatings.raterGroup, score: assessmentRatings.score, level: assessmentRatings.level })
    .from(assessmentRatings)
    .where(eq(assessmentRatings.assessmentId, assessmentId));
  return tallies(rows);
}
