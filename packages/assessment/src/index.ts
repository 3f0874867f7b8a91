// The assessment capability (issue 12; seed 000 8.2, seed 003 mechanism 6, seed 004 三(三)): indicator schemes, the annual alliance assessment and its 四评 ratings.
// Named exports only (ADR 0010).

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
