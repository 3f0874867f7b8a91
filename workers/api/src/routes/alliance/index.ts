import type { Router } from '@ronghe/http';
import { approveAdjustmentRouter, rejectAdjustmentRouter } from './alliances/adjustment-decide.ts';
import { proposeAdjustmentRouter } from './alliances/adjustment-propose.ts';
import { createAllianceRouter } from './alliances/create.ts';
import { createDocumentRouter } from './alliances/document-create.ts';
import { getDocumentRouter } from './alliances/document-get.ts';
import { getDocumentOriginalRouter } from './alliances/document-original-get.ts';
import { putDocumentOriginalRouter } from './alliances/document-original-put.ts';
import { updateDocumentRouter } from './alliances/document-update.ts';
import { exportAlliancesRouter } from './alliances/export.ts';
import { getAllianceRouter } from './alliances/get.ts';
import { governanceRouter } from './alliances/governance.ts';
import { listAlliancesRouter } from './alliances/list.ts';
import { addMemberRouter } from './alliances/member-add.ts';
import { removeMemberRouter } from './alliances/member-remove.ts';
import { updateMemberRouter } from './alliances/member-update.ts';
import { transitionRouters } from './alliances/transitions.ts';
import { updateAllianceRouter } from './alliances/update.ts';
import { acknowledgeFilingRouter } from './filings/acknowledge.ts';
import { acknowledgeFilingsRouter } from './filings/acknowledge-many.ts';
import { listFilingsRouter } from './filings/list.ts';
import { createDistrictRouter } from './red/district-create.ts';
import { getDistrictRouter } from './red/district-get.ts';
import { listDistrictsRouter } from './red/district-list.ts';
import { updateDistrictRouter } from './red/district-update.ts';
import { createRouteRouter } from './red/route-create.ts';
import { getRouteRouter } from './red/route-get.ts';
import { listRoutesRouter } from './red/route-list.ts';
import { updateRouteRouter } from './red/route-update.ts';

/** Alliances (党建联合体) with their members, documents, adjustments and workflow; filings (备案); red routes and districts. Static paths before `{id}`. */
export const allianceRouters: readonly Router[] = [
  listAlliancesRouter,
  exportAlliancesRouter,
  createAllianceRouter,
  getAllianceRouter,
  updateAllianceRouter,
  addMemberRouter,
  updateMemberRouter,
  removeMemberRouter,
  governanceRouter,
  createDocumentRouter,
  getDocumentRouter,
  updateDocumentRouter,
  getDocumentOriginalRouter,
  putDocumentOriginalRouter,
  proposeAdjustmentRouter,
  approveAdjustmentRouter,
  rejectAdjustmentRouter,
  listFilingsRouter,
  acknowledgeFilingsRouter,
  acknowledgeFilingRouter,
  listRoutesRouter,
  createRouteRouter,
  getRouteRouter,
  updateRouteRouter,
  listDistrictsRouter,
  createDistrictRouter,
  getDistrictRouter,
  updateDistrictRouter,
  ...transitionRouters,
];
