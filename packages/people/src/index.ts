// The people capability (issue 11): people registry, 双报到, 报到领岗.
// Named exports only (ADR 0010): what the workers, scripts and tests call.
export { activeMembersOf, peopleById, personOfUser, type PersonRef } from './read.ts';

// ── People registry ─────────────────────────────────────────────────────────
export { createPerson } from './persons/create.ts';
export { updatePerson } from './persons/update.ts';
export { leavePerson } from './persons/leave.ts';
export { linkAccount } from './persons/link-account.ts';
export { getPerson } from './persons/get.ts';
export { listPersonRows, allPersonRows, type PersonPage } from './persons/list.ts';
export { toView as personView, maskIdNumber } from './persons/view.ts';
export { importPeople, type PersonImportResult } from './persons/import.ts';
export { exportPeople } from './persons/export.ts';
export { writePersonTemplate, writePersonSheet, PERSON_COLUMNS } from './persons/sheet.ts';
export { myProfile, NOT_A_PERSON } from './my/profile.ts';
// 报到领岗 (lane: posts)
export { createPost } from './posts/create.ts';
export { updatePost } from './posts/update.ts';
export { getPost, listPosts } from './posts/list.ts';
export { postWork } from './posts/views.ts';
export { claimPost } from './posts/claim.ts';
export { decideClaim } from './posts/claim-decide.ts';
export { logService } from './posts/service-log.ts';
export { decideService } from './posts/service-decide.ts';
export { myPosts } from './posts/mine.ts';
// 双报到 (lane: pairing)
export { ineligibleOrgs, memberCompliance } from './read.ts';
export { createPairing } from './pairing/pairing-create.ts';
export { getPairing } from './pairing/pairing-get.ts';
export { listPairings } from './pairing/pairing-list.ts';
export { updatePairing } from './pairing/pairing-update.ts';
export { createMemberReport } from './pairing/report-create.ts';
export { endMemberReport } from './pairing/report-end.ts';
export { listMemberReports } from './pairing/report-list.ts';
export { addReportRecord } from './pairing/record-add.ts';
export { listReportRecords } from './pairing/record-list.ts';
export { getPairingStandard, setPairingStandard } from './pairing/standard.ts';
export { pairingCompliance } from './pairing/compliance.ts';
export { exportPairingCompliance } from './pairing/compliance-export.ts';
export { myReports, reportMyself } from './pairing/my-reports.ts';
