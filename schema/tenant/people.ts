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
// Seed 002 (十六), seed 003 双报到结对互动: organs (and enterprises and
// institutions) pair with a community as organizations; their in-service party
// members report to a community as individuals; the community keeps the
// 记实档案 of what each did. Dates are Asia/Shanghai calendar days (YYYY-MM-DD).

export const PAIRING_STATUSES = ['active', 'ended'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

/** An organization's 结对 with a community (组织报到). */
export const orgPairings = sqliteTable(
  'org_pairings',
  {
    id: text('id').primaryKey(),
    /** The reporting organization (机关/企事业单位 party organization). */
    orgId: text('org_id').notNull(),
    /** The community party organization it reports to. */
    communityOrgId: text('community_org_id').notNull(),
    pairedOn: text('paired_on').notNull(),
    /** 共建协议: what the two sides agreed. */
    agreement: text('agreement').notNull().default(''),
    contactName: text('contact_name'),
    /** Personal data: masked in lists. */
    contactPhone: text('contact_phone'),
    status: text('status', { enum: PAIRING_STATUSES }).notNull().default('active'),
    endedOn: text('ended_on'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // One live pairing per organization and community: a second request cannot double it, even concurrently.
    uniqueIndex('org_pairings_live_uq').on(t.orgId, t.communityOrgId).where(sql`status = 'active'`),
    index('org_pairings_community_idx').on(t.communityOrgId, t.status),
    check('org_pairings_not_self', sql`${t.orgId} <> ${t.communityOrgId}`),
  ],
);
export type OrgPairing = typeof orgPairings.$inferSelect;

/** An in-service party member's 个人报到 to a community. */
export const memberReports = sqliteTable(
  'member_reports',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    communityOrgId: text('community_org_id').notNull(),
    reportedOn: text('reported_on').notNull(),
    status: text('status', { enum: PAIRING_STATUSES }).notNull().default('active'),
    endedOn: text('ended_on'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // Reporting twice to one community is harmless: the second request finds the first.
    uniqueIndex('member_reports_live_uq').on(t.personId, t.communityOrgId).where(sql`status = 'active'`),
    index('member_reports_community_idx').on(t.communityOrgId, t.status),
  ],
);
export type MemberReport = typeof memberReports.$inferSelect;

/** 记实档案: one dated entry of what a reported member did for the community. */
export const reportRecords = sqliteTable(
  'report_records',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    communityOrgId: text('community_org_id').notNull(),
    servedOn: text('served_on').notNull(),
    /** The calendar year of `servedOn`, kept for the yearly compliance reads. */
    year: integer('year').notNull(),
    content: text('content').notNull(),
    minutes: integer('minutes').notNull(),
    /** The account that recorded it (the community's liaison or reviewer, or the county). */
    recordedBy: text('recorded_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('report_records_person_year_idx').on(t.personId, t.year),
    index('report_records_community_year_idx').on(t.communityOrgId, t.year, t.servedOn),
    check('report_records_minutes', sql`${t.minutes} BETWEEN 1 AND 1440`),
  ],
);
export type ReportRecord = typeof reportRecords.$inferSelect;

/**
 * The county's 双报到 standard for a year (configurable; defaults in
 * packages/people/src/pairing/standard.ts when the year has no row).
 */
export const pairingStandards = sqliteTable(
  'pairing_standards',
  {
    year: integer('year').primaryKey(),
    /** Records (participations) each in-service member needs in the year. */
    memberMinRecords: integer('member_min_records').notNull(),
    /** Minutes of service each in-service member needs in the year. */
    memberMinMinutes: integer('member_min_minutes').notNull(),
    /** Records of its members an organization needs in the year. */
    orgMinRecords: integer('org_min_records').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('pairing_standards_non_negative', sql`${t.memberMinRecords} >= 0 AND ${t.memberMinMinutes} >= 0 AND ${t.orgMinRecords} >= 0`)],
);
export type PairingStandard = typeof pairingStandards.$inferSelect;



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


