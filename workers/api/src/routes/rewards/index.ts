import type { Router } from '@ronghe/http';
import { correctRoundRouter, createRoundRouter, getRoundRouter, listRoundsRouter, payDisbursementRouter, publishRoundRouter, roundTableRouter, simulateRoundRouter, updateRoundRouter } from './round-routes.ts';
import { exportRoundRouter } from './round-export.ts';

/** The rewards capability's routers, in mounting order (static paths before `{id}` ones). */
export const rewardsRouters: readonly Router[] = [
  listRoundsRouter,
  createRoundRouter,
  payDisbursementRouter,
  getRoundRouter,
  updateRoundRouter,
  simulateRoundRouter,
  publishRoundRouter,
  correctRoundRouter,
  roundTableRouter,
  exportRoundRouter,
];
