// The activities capability (issue 11): activities against the yearly quotas
// (五个一) with phone check-in, branch organizational life (三会一课) and joint
// meetings (联席会议) with supervised decisions.

import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, CHECKIN_METHODS, PHOTO_TYPES, DECISION_STATUSES, ORG_LIFE_KINDS, ORG_LIFE_PERIODS, QUOTA_PERIODS, type ActivityKind } from '../enums.ts';
// ── Activities, quota plans and check-in (lane: activities) ─────────────────

/**
 * An alliance's quota plan for a year, one row per activity kind (seed 000 9.2
 * 五个一 by default; seed 003: the alliance negotiates content and frequency).
 * No rows for a year means the default plan (packages/activities/src/quotas/defaults.ts).
 */
export const activityQuotaPlans = sqliteTable(
  'activity_quota_plans',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    period: text('period', { enum: QUOTA_PERIODS }).notNull(),
    /** How many activities of the kind each period asks for. */
    required: integer('required').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('activity_quota_plans_uq').on(t.allianceId, t.year, t.kind), check('activity_quota_required', sql`${t.required} BETWEEN 1 AND 100`)],
);
export type ActivityQuotaPlan = typeof activityQuotaPlans.$inferSelect;

/**
 * A joint activity of an alliance. `startsAt`/`endsAt` are the window in epoch
 * ms, derived from the Shanghai date and times; check-in is open from 30
 * minutes before the start until the end. `code` is the short check-in code
 * (unambiguous alphabet), unique in the county.
 */
export const activities = sqliteTable(
  'activities',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    title: text('title').notNull(),
    activityDate: text('activity_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    place: text('place').notNull(),
    placeOrgId: text('place_org_id'),
    lat: real('lat'),
    lng: real('lng'),
    /** When set (with coordinates), a self check-in must be within this many metres of the place. */
    checkinRadiusM: integer('checkin_radius_m'),
    organizerOrgId: text('organizer_org_id').notNull(),
    participantOrgIds: text('participant_org_ids', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    summary: text('summary'),
    status: text('status', { enum: ACTIVITY_STATUSES }).notNull().default('planned'),
    code: text('code').notNull(),
    /** Check-ins (self and recorded), kept in the batch that writes one. */
    attendance: integer('attendance').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('activities_code_uq').on(t.code),
    index('activities_alliance_date_idx').on(t.allianceId, t.activityDate),
    index('activities_date_idx').on(t.activityDate, t.id),
    check('activities_window', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
export type Activity = typeof activities.$inferSelect;

/**
 * A photo of an activity (issue 11: "a summary and photos, kept as documents"):
 * the bytes live in R2 under a tenant-scoped, content-addressed key; the row
 * records what the first bytes said it is (JPEG/PNG), its hash and size.
 */
export const activityPhotos = sqliteTable(
  'activity_photos',
  {
    id: text('id').primaryKey(),
    activityId: text('activity_id').notNull(),
    r2Key: text('r2_key').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    contentType: text('content_type', { enum: PHOTO_TYPES }).notNull(),
    originalName: text('original_name'),
    uploadedBy: text('uploaded_by').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('activity_photos_activity_idx').on(t.activityId, t.at)],
);
export type ActivityPhoto = typeof activityPhotos.$inferSelect;

/** One person's attendance at one activity: unique per (activity, person), so a repeated check-in writes nothing. */
export const activityCheckins = sqliteTable(
  'activity_checkins',
  {
    id: text('id').primaryKey(),
    activityId: text('activity_id').notNull(),
    personId: text('person_id').notNull(),
    allianceId: text('alliance_id').notNull(),
    method: text('method', { enum: CHECKIN_METHODS }).notNull(),
    distanceM: integer('distance_m'),
    at: integer('at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [uniqueIndex('activity_checkins_uq').on(t.activityId, t.personId), index('activity_checkins_person_idx').on(t.personId, t.at)],
);
export type ActivityCheckin = typeof activityCheckins.$inferSelect;



// ── Branch organizational life (lane: org-life) ─────────────────────────────

/**
 * The county's standard frequency of each kind for a year (the branch work
 * regulations' defaults apply to a year without rows). One row per year and
 * kind, so changing next year's standard never rewrites this year's compliance.
 */
export const orgLifeStandards = sqliteTable(
  'org_life_standards',
  {
    year: integer('year').notNull(),
    kind: text('kind', { enum: ORG_LIFE_KINDS }).notNull(),
    period: text('period', { enum: ORG_LIFE_PERIODS }).notNull(),
    /** Meetings required in each period. */
    times: integer('times').notNull().default(1),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.kind] }), check('org_life_standards_times', sql`${t.times} BETWEEN 1 AND 31`)],
);
export type OrgLifeStandard = typeof orgLifeStandards.$inferSelect;

/**
 * One meeting of a branch (三会一课 …): one row per meeting, attendees as a JSON
 * array of people ids (a county holds ~40 meetings a year per branch).
 */
export const orgLifeRecords = sqliteTable(
  'org_life_records',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    kind: text('kind', { enum: ORG_LIFE_KINDS }).notNull(),
    heldOn: text('held_on').notNull(),
    topic: text('topic').notNull(),
    minutes: text('minutes').notNull().default(''),
    attendeeIds: text('attendee_ids', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** The branch's active members when the meeting was recorded. */
    expectedCount: integer('expected_count').notNull(),
    presentCount: integer('present_count').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('org_life_records_org_held_idx').on(t.orgId, t.heldOn),
    index('org_life_records_held_idx').on(t.heldOn, t.kind),
    check('org_life_records_counts', sql`${t.presentCount} >= 0 AND ${t.presentCount} <= ${t.expectedCount}`),
  ],
);
export type OrgLifeRecord = typeof orgLifeRecords.$inferSelect;



// ── Joint meetings and decisions (lane: meetings) ───────────────────────────

/** 联席会议 / 工作例会 of an alliance (at least quarterly, seed 000 9.4). */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    heldOn: text('held_on').notNull(),
    agenda: text('agenda').notNull(),
    minutes: text('minutes').notNull().default(''),
    attendeeOrgIds: text('attendee_org_ids', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    attendeePersonIds: text('attendee_person_ids', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('meetings_alliance_held_idx').on(t.allianceId, t.heldOn), index('meetings_held_idx').on(t.heldOn)],
);
export type Meeting = typeof meetings.$inferSelect;

/** A decision of a joint meeting: an owner organization, a deadline, supervised as projects are. */
export const meetingDecisions = sqliteTable(
  'meeting_decisions',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id').notNull(),
    allianceId: text('alliance_id').notNull(),
    content: text('content').notNull(),
    ownerOrgId: text('owner_org_id').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: DECISION_STATUSES }).notNull().default('open'),
    doneOn: text('done_on'),
    doneNote: text('done_note'),
    doneBy: text('done_by'),
    doneByName: text('done_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('meeting_decisions_meeting_idx').on(t.meetingId),
    index('meeting_decisions_alliance_status_idx').on(t.allianceId, t.status, t.dueOn),
    index('meeting_decisions_owner_status_idx').on(t.ownerOrgId, t.status, t.dueOn),
    check('meeting_decisions_done', sql`(${t.status} = 'done') = (${t.doneOn} IS NOT NULL)`),
  ],
);
export type MeetingDecision = typeof meetingDecisions.$inferSelect;



/**
 * The daily job's reminders of quotas at risk or behind (issue 11 § Activities:
 * "reminders to the alliance admin through the 工作台 and messages"). One row
 * per alliance, standing and Shanghai month: the unique key is what keeps a
 * daily job from telling the same thing every day; a new month, or a quota
 * that went from at risk to behind, is told again.
 */
export const activityQuotaReminders = sqliteTable(
  'activity_quota_reminders',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    year: integer('year').notNull(),
    /** YYYY-MM (Asia/Shanghai) of the reminder. */
    month: text('month').notNull(),
    standing: text('standing', { enum: ['at_risk', 'behind'] }).notNull(),
    kinds: text('kinds', { mode: 'json' }).$type<ActivityKind[]>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('activity_quota_reminders_uq').on(t.allianceId, t.standing, t.month)],
);
export type ActivityQuotaReminder = typeof activityQuotaReminders.$inferSelect;
