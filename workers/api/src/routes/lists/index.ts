import type { Router } from '@ronghe/http';
import { createCategoryRouter } from './categories/create.ts';
import { listCategoriesRouter } from './categories/list.ts';
import { placesRouter } from './categories/places.ts';
import { updateCategoryRouter } from './categories/update.ts';
import { acceptMatchRouter } from './matching/accept.ts';
import { assignmentRouter } from './matching/assignment.ts';
import { rejectMatchRouter } from './matching/reject.ts';
import { suggestionsRouter } from './matching/suggestions.ts';
import { closeNeedRouter } from './needs/close.ts';
import { createNeedRouter } from './needs/create.ts';
import { exportNeedsRouter } from './needs/export.ts';
import { extendNeedRouter } from './needs/extend.ts';
import { getNeedRouter } from './needs/get.ts';
import { needTemplateRouter } from './needs/import-template.ts';
import { importNeedsRouter } from './needs/import.ts';
import { listNeedsRouter } from './needs/list.ts';
import { updateNeedRouter } from './needs/update.ts';
import { withdrawNeedRouter } from './needs/withdraw.ts';
import { projectBoardRouter } from './projects/board.ts';
import { createClaimRouter } from './projects/claim-create.ts';
import { decideClaimRouter } from './projects/claim-decide.ts';
import { withdrawClaimRouter } from './projects/claim-withdraw.ts';
import { createProjectRouter } from './projects/create.ts';
import { exportProjectsRouter } from './projects/export.ts';
import { getProjectRouter } from './projects/get.ts';
import { listProjectsRouter } from './projects/list.ts';
import { milestoneProgressRouter } from './projects/milestone-progress.ts';
import { planMilestonesRouter } from './projects/milestones-plan.ts';
import { createNoteRouter } from './projects/note-create.ts';
import { runSupervisionRouter } from './projects/supervision-run.ts';
import { projectTransitionRouters } from './projects/transitions.ts';
import { updateProjectRouter } from './projects/update.ts';
import { warningsRouter } from './projects/warnings.ts';
import { createResourceRouter } from './resources/create.ts';
import { exportResourcesRouter } from './resources/export.ts';
import { getResourceRouter } from './resources/get.ts';
import { resourceTemplateRouter } from './resources/import-template.ts';
import { importResourcesRouter } from './resources/import.ts';
import { listResourcesRouter } from './resources/list.ts';
import { updateResourceRouter } from './resources/update.ts';
import { withdrawResourceRouter } from './resources/withdraw.ts';
import { openWorkRouter } from './settlement/open-work.ts';

/**
 * The three lists: categories and places, needs (需求清单), resources (资源清单)
 * and their matching, projects (项目清单) with claims, milestones and
 * supervision (督办). In mounting order: static paths before `{id}`.
 */
export const listsRouters: readonly Router[] = [
  listCategoriesRouter,
  createCategoryRouter,
  updateCategoryRouter,
  placesRouter,
  listNeedsRouter,
  exportNeedsRouter,
  needTemplateRouter,
  importNeedsRouter,
  createNeedRouter,
  getNeedRouter,
  updateNeedRouter,
  withdrawNeedRouter,
  closeNeedRouter,
  extendNeedRouter,
  suggestionsRouter,
  listResourcesRouter,
  exportResourcesRouter,
  resourceTemplateRouter,
  importResourcesRouter,
  createResourceRouter,
  getResourceRouter,
  updateResourceRouter,
  withdrawResourceRouter,
  assignmentRouter,
  acceptMatchRouter,
  rejectMatchRouter,
  warningsRouter,
  runSupervisionRouter,
  exportProjectsRouter,
  projectBoardRouter,
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
  openWorkRouter,
];
