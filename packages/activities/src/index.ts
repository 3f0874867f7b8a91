// The activities capability (issue 11). Named exports only (ADR 0010).
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
