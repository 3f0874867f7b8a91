import type { Router } from '@ronghe/http';
import { recordAttendanceRouter } from './activity-attendance.ts';
import { createActivityRouter } from './activity-create.ts';
import { getActivityRouter } from './activity-get.ts';
import { listActivitiesRouter } from './activity-list.ts';
import { updateActivityRouter } from './activity-update.ts';
import { checkinRouter } from './checkin-create.ts';
import { myActivitiesRouter } from './checkin-my-activities.ts';
import { complianceExportRouter, complianceRouter } from './quota-compliance.ts';
import { getQuotaPlanRouter } from './quota-plan-get.ts';
import { setQuotaPlanRouter } from './quota-plan-put.ts';

/** The activities capability's routers, in mounting order (static paths before `{id}` ones). */
export const activitiesRouters: readonly Router[] = [
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
  checkinRouter,
  myActivitiesRouter,
];
