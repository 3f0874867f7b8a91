import type { Router } from '@ronghe/http';
import { cityAwardsRouter, correctRoundRouter, countyMatchingRouter, createRoundRouter, getRoundRouter, listRoundsRouter, payDisbursementRouter, publishRoundRouter, roundTableRouter, simulateRoundRouter, updateRoundRouter } from './round-routes.ts';
import { exportRoundRouter } from './round-export.ts';

/** The rewards capability's routers, in mounting order (static paths before `{id}` ones). */
export const rewardsRouters: readonly Router[] = [
  listRoundsRouter,
  createRoundRouter,
  payDisbursementRouter,
  cityAwardsRouter,
  getRoundRouter,
  updateRoundRouter,
  simulateRoundRouter,
  publishRoundRouter,
  correctRoundRouter,
  roundTableRouter,
  countyMatchingRouter,
  exportRoundRouter,
];
