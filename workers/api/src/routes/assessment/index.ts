import type { Router } from '@ronghe/http';
// 四评 ratings (lane raters).
import { rateAssessmentRouter } from './rating-create.ts';
import { issueRatingLinksRouter } from './rating-links-issue.ts';
import { listRatingLinksRouter } from './rating-links-list.ts';
import { revokeRatingLinksRouter } from './rating-links-revoke.ts';
import { listRatingsRouter } from './rating-list.ts';
import { myRatableRouter } from './rating-my-list.ts';
import { memberOrgRatableRouter } from './rating-member-org-list.ts';
import { rateAsMemberRouter } from './rating-my-rate.ts';
import { publicRatingAnswerRouter, publicRatingFormRouter } from './rating-public.ts';

/** The assessment capability's routers, in mounting order (static paths before `{id}` ones). */
export const assessmentRouters: readonly Router[] = [
  // 四评 ratings (lane raters).
  listRatingsRouter,
  rateAssessmentRouter,
  listRatingLinksRouter,
  issueRatingLinksRouter,
  revokeRatingLinksRouter,
  myRatableRouter,
  memberOrgRatableRouter,
  rateAsMemberRouter,
  publicRatingFormRouter,
  publicRatingAnswerRouter,
];
