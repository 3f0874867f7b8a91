import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ADJUSTMENT_KINDS,
  ADJUSTMENT_STATUSES,
  ALLIANCE_MODELS,
  ALLIANCE_STATUSES,
  ALLIANCE_TYPES,
  CONSORTIUM_ROLES,
  DOCUMENT_KINDS,
  ORIGINAL_TYPES,
  FILING_KINDS,
  FILING_STATES,
  GOVERNANCE_LAYERS,
  GOVERNANCE_POSTS,
  MEMBER_ROLES,
  PAIRING_FORMS,
  ROUTE_THEMES,
} from '../enums.ts';

// Business dates (founding meeting, approval, join/leave) are calendar dates
// in Asia/Shanghai, stored as 'YYYY-MM-DD'; instants are epoch milliseconds.

/** The industrial consortium's non-party parts (seed 000 10.1.2). */
export interface ConsortiumProfile {
  /** 种养殖大户 taking part. */
  largeGrowers: number;
  /** 农牧户 taking part, and all such households of the area. */
  households: number;
  householdsTotal: number;
}

/** 党建联合体. */
export const alliances = sqliteTable(
  'alliances',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The name's pinyin sort key (ADR 0018), written with every name; lists order by (sort_key, id). */
    sortKey: text('sort_key').notNull().default(''),
    type: text('type', { enum: ALLIANCE_TYPES }).notNull(),
    /** For 党建联合体+: the name of the variant (e.g. 党建联合体+志愿服务). */
    typeNote: text('type_note'),
    model: text('model', { enum: ALLIANCE_MODELS }).notNull(),
    pairingForm: text('pairing_form', { enum: PAIRING_FORMS }).notNull(),
    vision: text('vision').notNull(),
    commonNeeds: text('common_needs').notNull(),
    /** 牵头党组织. */
    leadOrgId: text('lead_org_id').notNull(),
    /** 上级党(工)委 that approves, assesses, adjusts and dissolves. */
    committeeOrgId: text('committee_org_id').notNull(),
    status: text('status', { enum: ALLIANCE_STATUSES }).notNull().default('draft'),
    /** House rules (共建准入, 书记轮值, 多网合一, 清单管理 …). */
    houseRules: text('house_rules', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    consortium: text('consortium', { mode: 'json' }).$type<ConsortiumProfile | null>(),
    appliedOn: text('applied_on'),
    approvedOn: text('approved_on'),
    foundedOn: text('founded_on'),
    startedOn: text('started_on'),
    dissolvedOn: text('dissolved_on'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('alliances_sort_idx').on(t.sortKey, t.id),
    index('alliances_status_sort_idx').on(t.status, t.sortKey, t.id),
    index('alliances_lead_idx').on(t.leadOrgId),
    index('alliances_committee_idx').on(t.committeeOrgId, t.name),
  ],
);
export type Alliance = typeof alliances.$inferSelect;

/**
 * Membership periods. A row is never reused: leaving closes it (left_on),
 * rejoining or a role change opens a new one, so the history stays whole.
 * While the alliance is a draft, rows are proposals (joined_on NULL).
 */
export const allianceMembers = sqliteTable(
  'alliance_members',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    orgId: text('org_id').notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    consortiumRole: text('consortium_role', { enum: CONSORTIUM_ROLES }),
    /** 出资比例 in basis points (1/100 of a percent): 2500 = 25%. */
    contributionBp: integer('contribution_bp').notNull().default(0),
    /** 联络员: a party member named by the member organization (seed 000 11.1.2). */
    liaisonName: text('liaison_name'),
    liaisonPhone: text('liaison_phone'),
    /**
     * Whether the liaison is a party member (seed 000 11.1.2: 明确 1 名党员担任联络员). Rows from before
     * it was recorded are backfilled true where a liaison was named: the form asked for a party member.
     */
    liaisonPartyMember: integer('liaison_party_member', { mode: 'boolean' }).notNull().default(false),
    /**
     * Issue 11: the liaison chosen from the people registry (an active party member of this organization or
     * under it); name, phone and party membership above are copied from the person. Null for rows that predate it.
     */
    liaisonPersonId: text('liaison_person_id'),
    joinedOn: text('joined_on'),
    leftOn: text('left_on'),
    leaveReason: text('leave_reason'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('alliance_members_current_uq').on(t.allianceId, t.orgId).where(sql`left_on IS NULL`),
    index('alliance_members_alliance_idx').on(t.allianceId, t.role),
    index('alliance_members_org_idx').on(t.orgId),
    check('alliance_members_contribution_range', sql`${t.contributionBp} BETWEEN 0 AND 10000`),
  ],
);
export type AllianceMember = typeof allianceMembers.$inferSelect;

/** 议事机构: who sits in which layer. Replaced as a whole when edited. */
export const allianceGovernanceSeats = sqliteTable(
  'alliance_governance_seats',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    layer: text('layer', { enum: GOVERNANCE_LAYERS }).notNull(),
    post: text('post', { enum: GOVERNANCE_POSTS }).notNull(),
    personName: text('person_name').notNull(),
    orgId: text('org_id'),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    index('alliance_governance_alliance_idx').on(t.allianceId, t.sortOrder),
    // The list's compliance flag counts each alliance's staffed layers from the index alone (issue 15 § 2).
    index('alliance_governance_layer_idx').on(t.allianceId, t.layer),
  ],
);
export type AllianceGovernanceSeat = typeof allianceGovernanceSeats.$inferSelect;

/** Charter, agreements, rules, plans, replies, minutes: text and metadata, hashed. */
export const allianceDocuments = sqliteTable(
  'alliance_documents',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    /** 成文、通过或签署日期. */
    docDate: text('doc_date'),
    /** 'adopted': passed by the founding meeting, signed, or issued; drafts may still change. */
    status: text('status', { enum: ['draft', 'adopted'] }).notNull().default('draft'),
    signerName: text('signer_name'),
    /** For agreements: the member organization that signed. */
    signerOrgId: text('signer_org_id'),
    /** For work plans: the year it covers. */
    year: integer('year'),
    content: text('content').notNull(),
    /** SHA-256 of the content (hex), so a printed copy can be checked against the record. */
    contentHash: text('content_hash').notNull(),
    /**
     * The scanned, stamped original (盖章扫描件) in R2 (ADR 0017): its object key (tenant-scoped,
     * content-addressed), SHA-256 (hex), size in bytes, media type sniffed from its first bytes,
     * the uploader's file name, when and by whom. All null until one is attached; a replacement
     * overwrites these columns and the audit log keeps the previous hash.
     */
    originalKey: text('original_key'),
    originalSha256: text('original_sha256'),
    originalSize: integer('original_size'),
    originalType: text('original_type', { enum: ORIGINAL_TYPES }),
    originalName: text('original_name'),
    originalAt: integer('original_at'),
    originalBy: text('original_by'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  // Signer and status in the index: the list's compliance flag looks up each member's adopted agreement
  // without reading the document rows, whose text makes them large (issue 15 § 2).
  (t) => [index('alliance_documents_alliance_idx').on(t.allianceId, t.kind, t.signerOrgId, t.status)],
);
export type AllianceDocument = typeof allianceDocuments.$inferSelect;

/** The timeline: every transition and decided adjustment, with actor, date and reason. Append-only. */
export const allianceEvents = sqliteTable(
  'alliance_events',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    /** A workflow action, 'create' or 'adjust'. */
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: ALLIANCE_STATUSES }),
    toStatus: text('to_status', { enum: ALLIANCE_STATUSES }).notNull(),
    /** The business date the decision or meeting took place. */
    onDate: text('on_date').notNull(),
    at: integer('at').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    reason: text('reason'),
    documentId: text('document_id'),
    adjustmentId: text('adjustment_id'),
  },
  (t) => [index('alliance_events_alliance_idx').on(t.allianceId, t.id)],
);
export type AllianceEvent = typeof allianceEvents.$inferSelect;

/** Payloads of adjustment proposals, by kind. */
export type AdjustmentPayload =
  | { kind: 'member_join'; orgId: string; contributionBp?: number; consortiumRole?: string | null }
  | { kind: 'member_leave'; memberId: string }
  | { kind: 'type_change'; type: string; typeNote?: string | null }
  | { kind: 'lead_change'; orgId: string };

/** 调整: proposed by the lead or the committee, decided by the approving committee. */
export const allianceAdjustments = sqliteTable(
  'alliance_adjustments',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    kind: text('kind', { enum: ADJUSTMENT_KINDS }).notNull(),
    payload: text('payload', { mode: 'json' }).$type<AdjustmentPayload>().notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ADJUSTMENT_STATUSES }).notNull().default('proposed'),
    proposedById: text('proposed_by_id').notNull(),
    proposedByName: text('proposed_by_name').notNull(),
    proposedAt: integer('proposed_at').notNull(),
    decidedById: text('decided_by_id'),
    decidedByName: text('decided_by_name'),
    decidedAt: integer('decided_at'),
    decidedOn: text('decided_on'),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('alliance_adjustments_alliance_idx').on(t.allianceId, t.status)],
);
export type AllianceAdjustment = typeof allianceAdjustments.$inferSelect;

/**
 * 备案: one record addressed to the county organization department and to
 * the city; each side acknowledges on its own. The city reads these rows
 * through the rollup, so the record carries everything it needs to show
 * without joining back into the county.
 */
export const filings = sqliteTable(
  'filings',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: FILING_KINDS }).notNull(),
    allianceId: text('alliance_id').notNull(),
    allianceName: text('alliance_name').notNull(),
    committeeName: text('committee_name').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    documentId: text('document_id'),
    filedOn: text('filed_on').notNull(),
    filedAt: integer('filed_at').notNull(),
    filedById: text('filed_by_id').notNull(),
    filedByName: text('filed_by_name').notNull(),
    countyState: text('county_state', { enum: FILING_STATES }).notNull().default('unread'),
    countyAckAt: integer('county_ack_at'),
    countyAckBy: text('county_ack_by'),
    cityState: text('city_state', { enum: FILING_STATES }).notNull().default('unread'),
    cityAckAt: integer('city_ack_at'),
    cityAckBy: text('city_ack_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('filings_county_state_idx').on(t.countyState, t.id),
    index('filings_city_state_idx').on(t.cityState, t.id),
    index('filings_alliance_idx').on(t.allianceId, t.id),
  ],
);
export type Filing = typeof filings.$inferSelect;

/** 红色风景线: an ordered chain of alliances with a theme. */
export const redRoutes = sqliteTable(
  'red_routes',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    theme: text('theme', { enum: ROUTE_THEMES }).notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('red_routes_name_idx').on(t.status, t.name)],
);
export type RedRoute = typeof redRoutes.$inferSelect;

export const redRouteStops = sqliteTable(
  'red_route_stops',
  {
    routeId: text('route_id').notNull(),
    position: integer('position').notNull(),
    allianceId: text('alliance_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.routeId, t.position] }), index('red_route_stops_alliance_idx').on(t.allianceId)],
);

/** 红色片区: a named cluster of alliances and routes. */
export const redDistricts = sqliteTable(
  'red_districts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('red_districts_name_idx').on(t.status, t.name)],
);
export type RedDistrict = typeof redDistricts.$inferSelect;

export const redDistrictItems = sqliteTable(
  'red_district_items',
  {
    districtId: text('district_id').notNull(),
    itemType: text('item_type', { enum: ['alliance', 'route'] }).notNull(),
    itemId: text('item_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.itemType, t.itemId] }), index('red_district_items_item_idx').on(t.itemType, t.itemId)],
);
