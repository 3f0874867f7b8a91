import type { Router } from '@ronghe/http';
import { completeDecisionRouter, listDecisionsRouter } from './meeting-decisions.ts';
import { createMeetingRouter, getMeetingRouter, listMeetingsRouter, meetingComplianceRouter } from './meeting-routes.ts';
import { exportOrgLifeComplianceRouter, orgLifeComplianceRouter } from './org-life-compliance.ts';
import { orgLifeMembersRouter } from './org-life-members.ts';
import { createOrgLifeRecordRouter, getOrgLifeRecordRouter, listOrgLifeRecordsRouter } from './org-life-records.ts';
import { getOrgLifeStandardsRouter, putOrgLifeStandardsRouter } from './org-life-standards.ts';

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
export const activitiesRouters: readonly Router[] = [...orgLifeAndMeetingRouters];
