import type { Router } from '@ronghe/http';
import { awardPointsRouter } from './entry-award.ts';
import { compensateEntryRouter } from './entry-compensate.ts';
import { listPointEntriesRouter } from './entries-list.ts';
import { leaderboardRouter } from './leaderboard.ts';
import { myPointsRouter } from './my-points.ts';
import { pointRuleHistoryRouter } from './rule-history.ts';
import { listPointRulesRouter } from './rules-list.ts';
import { updatePointRuleRouter } from './rule-update.ts';

/** The points capability's routers, in mounting order (static paths before `{id}` ones). */
export const pointsRouters: readonly Router[] = [
  listPointRulesRouter,
  pointRuleHistoryRouter,
  updatePointRuleRouter,
  listPointEntriesRouter,
  awardPointsRouter,
  compensateEntryRouter,
  leaderboardRouter,
  myPointsRouter,
];
