import type { AssessmentRating, RatingView } from '@ronghe/schema';

/** A rating as the committee reads it; `rater` only where the group is not anonymous. */
export function ratingView(r: AssessmentRating, rater: string | null): RatingView {
  return { id: r.id, assessmentId: r.assessmentId, group: r.raterGroup, rater, score: r.score, level: r.level, comment: r.comment, createdAt: r.createdAt };
}
