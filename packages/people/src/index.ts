// The people capability (issue 11): people registry, 双报到, 报到领岗.
// Named exports only (ADR 0010): what the workers, scripts and tests call.
export { activeMembersOf, peopleById, personOfUser, type PersonRef } from './read.ts';
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
