// The activities capability (issue 11). Named exports only (ADR 0010).

// ── Branch organizational life (lane: org-life) ─────────────────────────────
export { recordOrgLife } from './org-life/record-create.ts';
export { getOrgLifeRecord, listOrgLifeRecords } from './org-life/records-list.ts';
export { branchMembers } from './org-life/members.ts';
export { getOrgLifeStandards } from './org-life/standards-get.ts';
export { setOrgLifeStandards } from './org-life/standards-set.ts';
export { getOrgLifeCompliance, orgLifeCompliance } from './org-life/compliance-get.ts';
export { exportOrgLifeCompliance } from './org-life/compliance-export.ts';
export { DEFAULT_STANDARDS, kindCompliance, periodIndex, periodsDue } from './org-life/rules.ts';

// ── Joint meetings and decisions (lane: meetings) ───────────────────────────
export { createMeeting } from './meetings/create.ts';
export { getMeeting } from './meetings/get.ts';
export { listMeetings } from './meetings/list.ts';
export { listDecisions } from './meetings/decisions-list.ts';
export { completeDecision } from './meetings/decision-complete.ts';
export { getMeetingCompliance } from './meetings/compliance-get.ts';
export { decisionWarning } from './meetings/warning.ts';
export { quarterStates } from './meetings/quarters.ts';
// ── Activities, quota plans and check-in (lane: activities) ─────────────────
export { createActivity } from './activities/create.ts';
export { updateActivity } from './activities/update.ts';
export { getActivity } from './activities/get.ts';
export { listActivities } from './activities/list.ts';
export { recordAttendance } from './activities/attendance-record.ts';
export { checkIn, type CheckinResult } from './activities/checkin.ts';
export { myActivities } from './activities/my-activities.ts';
export { distanceMetres, newCode } from './activities/shared.ts';
export { getQuotaPlan } from './quotas/plan-get.ts';
export { setQuotaPlan } from './quotas/plan-set.ts';
export { allComplianceViews, listCompliance } from './quotas/compliance-list.ts';
export { exportCompliance } from './quotas/compliance-export.ts';
export { periodsOf, rowStanding, worstStanding, type QuotaRowInput } from './quotas/compliance-rules.ts';
export { DEFAULT_PLAN, SEED_003_PLAN } from './quotas/defaults.ts';
// ── Activity photos (lane: photos) ──────────────────────────────────────────
export { addActivityPhoto } from './photos/add.ts';
export { removeActivityPhoto } from './photos/remove.ts';
export { getActivityPhoto } from './photos/get.ts';
export { listActivityPhotos } from './photos/list.ts';

// ── The daily job's quota reminders (issue 11 leftover) ─────────────────────
export { remindQuotas, type QuotaReminderResult } from './quotas/remind.ts';
