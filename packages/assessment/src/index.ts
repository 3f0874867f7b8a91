// The assessment capability (issue 12; seed 000 8.2, seed 003 mechanism 6, seed 004 三(三)): indicator schemes, the annual alliance assessment and its 四评 ratings.
// Named exports only (ADR 0010).

// ── Schemes and the annual assessment (lane assess) ─────────────────────────
export { createScheme } from './schemes/create.ts';
export { createDefaultScheme } from './schemes/create-default.ts';
export { copyScheme } from './schemes/copy.ts';
export { DEFAULT_COUNTY_INDICATORS } from './schemes/defaults.ts';
export { getScheme, listSchemes } from './schemes/list.ts';
export { publishScheme } from './schemes/publish.ts';
export { updateScheme } from './schemes/update.ts';
export { enterScore } from './assessments/enter-score.ts';
export { consequencesOf, finalizeAssessment } from './assessments/finalize.ts';
export { exportAssessments, gradeDistribution, listAssessments } from './assessments/list.ts';
export { getAssessment } from './assessments/load.ts';
export { openAssessment } from './assessments/open.ts';
export { refreshAssessment } from './assessments/refresh.ts';
export { gradeOf, ratioRaw, totalScore } from './assessments/scoring.ts';
export { assessmentResults } from './read.ts';
// 四评 ratings (lane raters).
export { rateAssessment } from './ratings/rate.ts';
export { rateAsMember } from './ratings/rate-as-member.ts';
export { myRatable } from './ratings/my-ratable.ts';
export { memberOrgRatable } from './ratings/member-org-ratable.ts';
export { listRatings, tallies } from './ratings/list.ts';
export { ratingTallies } from './ratings/tallies.ts';
export { issueRatingLinks, DEFAULT_LINK_DAYS } from './ratings/links-issue.ts';
export { listRatingLinks } from './ratings/links-list.ts';
export { revokeRatingLinks } from './ratings/links-revoke.ts';
export { publicRatingForm } from './ratings/public-form.ts';
export { answerByLink } from './ratings/public-answer.ts';
export { tenantOfToken, tokenHash } from './ratings/tokens.ts';
export { RESIDENT_ACTOR } from './ratings/write.ts';
