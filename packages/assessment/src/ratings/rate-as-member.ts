import { conflict, forbidden, type Ctx } from '@ronghe/core';
import type { MemberRatingInput, RatingView } from '@ronghe/schema';
import { assertOpen, CLOSED, loadAssessment } from './load.ts';
import { memberRater } from './member.ts';
import { ratingView } from './view.ts';
import { staffActor, writeRating } from './write.ts';

/**
 * 党员评议: a member rates an alliance one of whose member organizations is
 * their home branch or above it — once (rater key: the person).
 */
export async function rateAsMember({ ctx, input }: { ctx: Ctx; input: MemberRatingInput & { assessmentId: string } }): Promise<RatingView> {
  const { assessment } = await loadAssessment(ctx, input.assessmentId);
  const { person, allianceIds } = await memberRater(ctx);
  if (!allianceIds.has(assessment.allianceId)) throw forbidden('您所在的党组织不是该联合体的成员单位，不能参加该联合体的党员评议');
  assertOpen(assessment);
  const row = await writeRating(ctx, staffActor(ctx), {
    assessmentId: assessment.id,
    group: 'member',
    raterKey: person.id,
    score: input.score,
    level: input.level,
    comment: input.comment?.trim() || null,
  });
  if (!row) throw conflict(CLOSED);
  return ratingView(row, null);
}
