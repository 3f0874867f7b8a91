import type { Router } from '@ronghe/http';
import { assessmentExportRouter } from './assessment-export.ts';
import { assessmentFinalizeRouter } from './assessment-finalize.ts';
import { assessmentGetRouter } from './assessment-get.ts';
import { assessmentListRouter } from './assessment-list.ts';
import { assessmentOpenRouter } from './assessment-open.ts';
import { assessmentRefreshRouter } from './assessment-refresh.ts';
import { assessmentScoreRouter } from './assessment-score.ts';
import { schemeCopyRouter } from './scheme-copy.ts';
import { schemeCreateRouter } from './scheme-create.ts';
import { schemeDefaultRouter } from './scheme-default.ts';
import { schemeGetRouter } from './scheme-get.ts';
import { schemeListRouter } from './scheme-list.ts';
import { schemePublishRouter } from './scheme-publish.ts';
import { schemeUpdateRouter } from './scheme-update.ts';
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
  // Lane assess: schemes and the annual assessment.
  schemeListRouter,
  schemeCreateRouter,
  schemeDefaultRouter,
  schemeGetRouter,
  schemeUpdateRouter,
  schemePublishRouter,
  schemeCopyRouter,
  assessmentListRouter,
  assessmentOpenRouter,
  assessmentExportRouter,
  assessmentGetRouter,
  assessmentRefreshRouter,
  assessmentScoreRouter,
  assessmentFinalizeRouter,
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
