import type { Router } from '@ronghe/http';
import { pairingComplianceRouter } from './pairing-compliance.ts';
import { exportPairingComplianceRouter } from './pairing-compliance-export.ts';
import { createPairingRouter } from './pairing-create.ts';
import { getPairingRouter } from './pairing-get.ts';
import { listPairingsRouter } from './pairing-list.ts';
import { getPairingStandardRouter } from './pairing-standard-get.ts';
import { putPairingStandardRouter } from './pairing-standard-put.ts';
import { updatePairingRouter } from './pairing-update.ts';
import { createMemberReportRouter } from './reports-create.ts';
import { endMemberReportRouter } from './reports-end.ts';
import { listMemberReportsRouter } from './reports-list.ts';
import { myReportsRouter } from './reports-mine.ts';
import { addReportRecordRouter } from './reports-records-create.ts';
import { listReportRecordsRouter } from './reports-records-list.ts';

/** The people capability's routers, in mounting order (static paths before `{id}` ones). */
export const peopleRouters: readonly Router[] = [
  // 双报到 (lane: pairing)
  listPairingsRouter,
  createPairingRouter,
  getPairingRouter,
  updatePairingRouter,
  listMemberReportsRouter,
  createMemberReportRouter,
  endMemberReportRouter,
  listReportRecordsRouter,
  addReportRecordRouter,
  pairingComplianceRouter,
  exportPairingComplianceRouter,
  getPairingStandardRouter,
  putPairingStandardRouter,
  myReportsRouter,
];
