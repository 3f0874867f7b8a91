import type { Router } from '@ronghe/http';
import { completeDecisionRouter, listDecisionsRouter } from './meeting-decisions.ts';
import { createMeetingRouter, getMeetingRouter, listMeetingsRouter, meetingComplianceRouter } from './meeting-routes.ts';
import { exportOrgLifeComplianceRouter, orgLifeComplianceRouter } from './org-life-compliance.ts';
import { orgLifeMembersRouter } from './org-life-members.ts';
import { createOrgLifeRecordRouter, getOrgLifeRecordRouter, listOrgLifeRecordsRouter } from './org-life-records.ts';
import { getOrgLifeStandardsRouter, putOrgLifeStandardsRouter } from './org-life-standards.ts';

import { recordAttendanceRouter } from './activity-attendance.ts';
import { addActivityPhotoRouter, getActivityPhotoRouter, listActivityPhotosRouter, removeActivityPhotoRouter } from './activity-photos.ts';
import { createActivityRouter } from './activity-create.ts';
import { getActivityRouter } from './activity-get.ts';
import { listActivitiesRouter } from './activity-list.ts';
import { updateActivityRouter } from './activity-update.ts';
import { checkinRouter } from './checkin-create.ts';
import { myActivitiesRouter } from './checkin-my-activities.ts';
import { complianceExportRouter, complianceRouter } from './quota-compliance.ts';
import { getQuotaPlanRouter } from './quota-plan-get.ts';
import { setQuotaPlanRouter } from './quota-plan-put.ts';

// ── Branch organizational life and joint meetings (lane: org-life) ──────────
const orgLifeAndMeetingRouters: Router[] = [
  listOrgLifeRecordsRouter,
  createOrgLifeRecordRouter,
  getOrgLifeStandardsRouter,
  putOrgLifeStandardsRouter,
  orgLifeComplianceRouter,
  exportOrgLifeComplianceRouter,
  orgLifeMembersRouter,
  getOrgLifeRecordRouter,
  listMeetingsRouter,
  createMeetingRouter,
  meetingComplianceRouter,
  getMeetingRouter,
  listDecisionsRouter,
  completeDecisionRouter,
];

/** The activities capability's routers, in mounting order (static paths before `{id}` ones). */
export const activitiesRouters: readonly Router[] = [
  ...orgLifeAndMeetingRouters,
  // ── Activities, quota plans and check-in (lane: activities) ──
  complianceExportRouter,
  complianceRouter,
  getQuotaPlanRouter,
  setQuotaPlanRouter,
  listActivitiesRouter,
  createActivityRouter,
  getActivityRouter,
  updateActivityRouter,
  recordAttendanceRouter,
  // ── Activity photos (lane: photos) ──
  listActivityPhotosRouter,
  addActivityPhotoRouter,
  getActivityPhotoRouter,
  removeActivityPhotoRouter,
  checkinRouter,
  myActivitiesRouter,
];

