import type { createRouter } from '@ronghe/http';
import { createClaimRouter } from './claim-create.ts';
import { decideClaimRouter } from './claim-decide.ts';
import { withdrawClaimRouter } from './claim-withdraw.ts';
import { createProjectRouter } from './create.ts';
import { exportProjectsRouter } from './export.ts';
import { getProjectRouter } from './get.ts';
import { listProjectsRouter } from './list.ts';
import { milestoneProgressRouter } from './milestone-progress.ts';
import { planMilestonesRouter } from './milestones-plan.ts';
import { createNoteRouter } from './note-create.ts';
import { runSupervisionRouter } from './supervision-run.ts';
import { projectTransitionRouters } from './transitions.ts';
import { updateProjectRouter } from './update.ts';
import { warningsRouter } from './warnings.ts';

/**
 * Projects (项目清单), claims, milestones and supervision (督办): every router
 * of the area, in mounting order (static paths before `{id}`).
 */
export const projectRouters: ReadonlyArray<ReturnType<typeof createRouter>> = [
  warningsRouter,
  runSupervisionRouter,
  exportProjectsRouter,
  listProjectsRouter,
  createProjectRouter,
  getProjectRouter,
  updateProjectRouter,
  planMilestonesRouter,
  milestoneProgressRouter,
  createClaimRouter,
  decideClaimRouter,
  withdrawClaimRouter,
  createNoteRouter,
  ...projectTransitionRouters,
];
