import { createCategoryRouter } from '../categories/create.ts';
import { listCategoriesRouter } from '../categories/list.ts';
import { placesRouter } from '../categories/places.ts';
import { updateCategoryRouter } from '../categories/update.ts';
import { acceptMatchRouter } from '../matching/accept.ts';
import { assignmentRouter } from '../matching/assignment.ts';
import { rejectMatchRouter } from '../matching/reject.ts';
import { suggestionsRouter } from '../matching/suggestions.ts';
import { createResourceRouter } from '../resources/create.ts';
import { exportResourcesRouter } from '../resources/export.ts';
import { getResourceRouter } from '../resources/get.ts';
import { resourceTemplateRouter } from '../resources/import-template.ts';
import { importResourcesRouter } from '../resources/import.ts';
import { listResourcesRouter } from '../resources/list.ts';
import { updateResourceRouter } from '../resources/update.ts';
import { withdrawResourceRouter } from '../resources/withdraw.ts';
import { closeNeedRouter } from './close.ts';
import { createNeedRouter } from './create.ts';
import { exportNeedsRouter } from './export.ts';
import { getNeedRouter } from './get.ts';
import { needTemplateRouter } from './import-template.ts';
import { importNeedsRouter } from './import.ts';
import { listNeedsRouter } from './list.ts';
import { updateNeedRouter } from './update.ts';
import { withdrawNeedRouter } from './withdraw.ts';

/** Categories, places, needs (需求清单), resources (资源清单) and matching, in mounting order (static paths before `{id}`). */
export const listRouters = [
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
];
