// The activities capability (issue 11): activities against the yearly quotas
// (五个一) with phone check-in, branch organizational life (三会一课) and joint
// meetings (联席会议) with supervised decisions.

import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DECISION_STATUSES, ORG_LIFE_KINDS, ORG_LIFE_PERIODS } from '../enums.ts';
// ── Activities, quota plans and check-in (lane: activities) ─────────────────



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


