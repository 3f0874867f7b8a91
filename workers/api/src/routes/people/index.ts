import type { Router } from '@ronghe/http';
// ── People registry ─────────────────────────────────────────────────────────
import { personAccountRouter } from './persons/account.ts';
import { createPersonRouter } from './persons/create.ts';
import { exportPeopleRouter } from './persons/export.ts';
import { getPersonRouter } from './persons/get.ts';
import { peopleTemplateRouter } from './persons/import-template.ts';
import { importPeopleRouter } from './persons/import.ts';
import { leavePersonRouter } from './persons/leave.ts';
import { listPeopleRouter } from './persons/list.ts';
import { myProfileRouter } from './persons/my-profile.ts';
import { updatePersonRouter } from './persons/update.ts';

import { claimPostRouter, logServiceRouter, myPostsRouter } from './posts-my.ts';
import { getPostRouter, listPostsRouter, postWorkRouter } from './posts-read.ts';
import { createPostRouter, decidePostClaimRouter, decideServiceRouter, updatePostRouter } from './posts-write.ts';

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
  // ── People registry ───────────────────────────────────────────────────────
  exportPeopleRouter,
  peopleTemplateRouter,
  importPeopleRouter,
  listPeopleRouter,
  createPersonRouter,
  getPersonRouter,
  updatePersonRouter,
  leavePersonRouter,
  personAccountRouter,
  myProfileRouter,
  // ── 报到领岗 (lane: posts) ──
  listPostsRouter,
  createPostRouter,
  myPostsRouter,
  claimPostRouter,
  logServiceRouter,
  getPostRouter,
  updatePostRouter,
  postWorkRouter,
  decidePostClaimRouter,
  decideServiceRouter,
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
