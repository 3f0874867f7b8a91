import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PARTY_STANDINGS, PERSON_KINDS, PERSON_STATUSES, POST_CLAIM_STATUSES, POST_STATUSES, SERVICE_LOG_STATUSES } from '../enums.ts';

// The people capability (issue 11): the county's people registry, 双报到 and
// 报到领岗. Phone and identity numbers are personal data: masked in lists,
// full only for roles that need them, never in a public response or an event.

// ── People registry ─────────────────────────────────────────────────────────

/**
 * A party member, liaison or volunteer of the county. "一方隶属、多方共管":
 * one home branch (`homeOrgId`), any number of places of activity (alliances,
 * communities reported to, posts).
 */
export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The name's pinyin sort key (ADR 0018), written with every name. */
    sortKey: text('sort_key').notNull().default(''),
    kind: text('kind', { enum: PERSON_KINDS }).notNull(),
    /** 正式 / 预备 for a party member; null for a volunteer. */
    partyStanding: text('party_standing', { enum: PARTY_STANDINGS }),
    /** 一方隶属: the branch (or other organization) the member belongs to; a volunteer may have none. */
    homeOrgId: text('home_org_id'),
    /** 在职党员: works in an organ, enterprise or institution, and reports to a community (双报到). */
    inService: integer('in_service', { mode: 'boolean' }).notNull().default(false),
    /** The in-service unit's name as the member gives it (the unit may be outside the registry). */
    workUnit: text('work_unit'),
    /** Skills and specialties, for volunteer teams by specialty (seed 003). */
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Personal data: masked in lists; full only for roles allowed `person.read_pii`. */
    phone: text('phone'),
    /** Personal data, optional (collect the minimum): never listed, never exported masked-less to roles without `person.read_pii`. */
    idNumber: text('id_number'),
    /** The platform account (control database `users.id`) this person signs in with, as role `member`. */
    userId: text('user_id'),
    status: text('status', { enum: PERSON_STATUSES }).notNull().default('active'),
    /** 转出/离开 date (Asia/Shanghai, YYYY-MM-DD) and reason; a person who leaves keeps their history. */
    leftOn: text('left_on'),
    leftReason: text('left_reason'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('people_status_sort_idx').on(t.status, t.sortKey, t.id),
    index('people_home_org_idx').on(t.homeOrgId, t.status),
    uniqueIndex('people_user_uq').on(t.userId),
    uniqueIndex('people_id_number_uq').on(t.idNumber),
    check('people_party_standing', sql`(${t.kind} = 'party_member') = (${t.partyStanding} IS NOT NULL)`),
  ],
);
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;

// ── 双报到 (lane: pairing) ──────────────────────────────────────────────────
// Tables of organization pairings, member reports and the 记实档案 go here.



// ── 报到领岗 (lane: posts) ──────────────────────────────────────────────────
// 设岗定责: a community (an organization) or an alliance defines posts with
// duties, places and a period; members claim them (领岗), the owner approves
// or declines, members log service and the owner confirms it.
//
// A volunteer team (seed 003: teams by specialty) claims together as ONE claim
// row PER PERSON sharing a `groupId` (the first row's id): each member's
// approval, service and points stay their own, and the unique index below
// keeps one live claim per person and post whoever files it. Places are a
// counter on the post (`taken`, pending + approved claims) moved by a guarded
// UPDATE in the claim's batch; the CHECK makes exceeding them impossible even
// for two concurrent claims of the last place.

export const posts = sqliteTable(
  'posts',
  {
    id: text('id').primaryKey(),
    /** Exactly one owner: a community (or other organization) or an alliance. */
    ownerOrgId: text('owner_org_id'),
    ownerAllianceId: text('owner_alliance_id'),
    title: text('title').notNull(),
    duties: text('duties').notNull(),
    places: integer('places').notNull(),
    /** Places held by pending and approved claims. */
    taken: integer('taken').notNull().default(0),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    status: text('status', { enum: POST_STATUSES }).notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('posts_status_ends_idx').on(t.status, t.endsOn, t.id),
    index('posts_owner_org_idx').on(t.ownerOrgId),
    index('posts_owner_alliance_idx').on(t.ownerAllianceId),
    check('posts_one_owner', sql`(${t.ownerOrgId} IS NULL) <> (${t.ownerAllianceId} IS NULL)`),
    check('posts_places', sql`${t.places} >= 1 AND ${t.taken} >= 0 AND ${t.taken} <= ${t.places}`),
    check('posts_period', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);
export type Post = typeof posts.$inferSelect;

export const postClaims = sqliteTable(
  'post_claims',
  {
    id: text('id').primaryKey(),
    postId: text('post_id').notNull().references(() => posts.id),
    personId: text('person_id').notNull().references(() => people.id),
    /** A team claim: the id of the team's first claim row, on every row of the team; null for a claim alone. */
    groupId: text('group_id'),
    status: text('status', { enum: POST_CLAIM_STATUSES }).notNull().default('pending'),
    note: text('note'),
    decisionReason: text('decision_reason'),
    /** The account that filed the claim (the claimant, for every row of a team). */
    claimedBy: text('claimed_by').notNull(),
    claimedOn: text('claimed_on').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('post_claims_post_idx').on(t.postId, t.status),
    index('post_claims_person_idx').on(t.personId, t.createdAt),
    uniqueIndex('post_claims_live_uq').on(t.postId, t.personId).where(sql`status IN ('pending', 'approved')`),
  ],
);
export type PostClaim = typeof postClaims.$inferSelect;

export const serviceLogs = sqliteTable(
  'service_logs',
  {
    id: text('id').primaryKey(),
    claimId: text('claim_id').notNull().references(() => postClaims.id),
    postId: text('post_id').notNull().references(() => posts.id),
    personId: text('person_id').notNull().references(() => people.id),
    serviceDate: text('service_date').notNull(),
    minutes: integer('minutes').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: SERVICE_LOG_STATUSES }).notNull().default('logged'),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('service_logs_post_idx').on(t.postId, t.status, t.serviceDate),
    index('service_logs_person_day_idx').on(t.personId, t.serviceDate),
    index('service_logs_claim_idx').on(t.claimId),
    check('service_logs_minutes', sql`${t.minutes} BETWEEN 1 AND 1440`),
  ],
);
export type ServiceLog = typeof serviceLogs.$inferSelect;


