import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ALLOCATION_STATES,
  CLAIM_STATUSES,
  FUNDING_SOURCES,
  LOCALITIES,
  NEED_SOURCES,
  NEED_STATUSES,
  PROJECT_NOTE_KINDS,
  PROJECT_STATUSES,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  WARNING_LEVELS,
} from '../enums.ts';

// 三张清单 (ADR 0009). Quantities are integers in the list's own unit; money is
// integer 分. The quantity invariants are CHECK constraints, so no interleaving
// of concurrent writes can over-commit a need or a resource: the losing batch
// fails as a whole.

/** The tenant's category taxonomy (seeded with the 13 defaults by migration). */
export const listCategories = sqliteTable(
  'list_categories',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Other categories whose needs a resource of this category can also serve (e.g. 场地 serves 文化活动). */
    alsoServes: text('also_serves', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('list_categories_name_uq').on(t.name)],
);
export type ListCategory = typeof listCategories.$inferSelect;

/** Place columns shared by needs and resources: division codes down to the community, then a grid name. */
const placeColumns = () => ({
  /** 街道 / 苏木乡镇 GB/T 2260 code (9 digits). */
  streetCode: text('street_code'),
  /** 社区 / 嘎查村 code (12 digits). */
  communityCode: text('community_code'),
  gridName: text('grid_name'),
  address: text('address'),
  lat: real('lat'),
  lng: real('lng'),
});

/** 需求清单. */
export const needs = sqliteTable(
  'needs',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    source: text('source', { enum: NEED_SOURCES }).notNull(),
    categoryId: text('category_id').notNull(),
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull(),
    ...placeColumns(),
    urgency: integer('urgency').notNull(),
    deadline: text('deadline').notNull(),
    /** The member organization that raised it (source 成员单位) or took it in. */
    raisedByOrgId: text('raised_by_org_id'),
    /** The resident or person who raised it; the phone is personal data. */
    raiserName: text('raiser_name'),
    raiserPhone: text('raiser_phone'),
    /** The third-party app's key, for source 第三方应用. */
    apiKeyId: text('api_key_id'),
    committedQty: integer('committed_qty').notNull().default(0),
    inDeliveryQty: integer('in_delivery_qty').notNull().default(0),
    fulfilledQty: integer('fulfilled_qty').notNull().default(0),
    /** Derived from the quantities in the same UPDATE that changes them; closed/cancelled are decisions. */
    status: text('status', { enum: NEED_STATUSES }).notNull().default('open'),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('needs_alliance_status_idx').on(t.allianceId, t.status, t.createdAt),
    index('needs_status_created_idx').on(t.status, t.createdAt, t.id),
    index('needs_created_idx').on(t.createdAt, t.id),
    index('needs_category_idx').on(t.categoryId, t.status),
    index('needs_raised_by_idx').on(t.raisedByOrgId),
    // Overdue open needs (the warnings dashboard, the overdue filter). Covering for the board's count and its
    // page's ids: the alliance (a dissolved alliance's needs are left out) and the newest-first key ride along,
    // so neither reads a row of the table (issue 15 § 3).
    index('needs_overdue_idx').on(t.status, t.deadline, t.allianceId, t.createdAt, t.id),
    check('needs_quantity_positive', sql`${t.quantity} > 0`),
    check('needs_urgency_range', sql`${t.urgency} BETWEEN 1 AND 4`),
    check(
      'needs_quantities_within',
      sql`${t.committedQty} >= 0 AND ${t.inDeliveryQty} >= 0 AND ${t.fulfilledQty} >= 0 AND ${t.committedQty} + ${t.inDeliveryQty} + ${t.fulfilledQty} <= ${t.quantity}`,
    ),
  ],
);
export type Need = typeof needs.$inferSelect;

/** 资源清单: what a member organization opens to the alliance. */
export const resources = sqliteTable(
  'resources',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    offeringOrgId: text('offering_org_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    kind: text('kind', { enum: RESOURCE_KINDS }).notNull(),
    categoryId: text('category_id').notNull(),
    capacity: integer('capacity').notNull(),
    unit: text('unit').notNull(),
    /** Units promised to needs (committed, in delivery or delivered); released ones come back. */
    allocatedQty: integer('allocated_qty').notNull().default(0),
    ...placeColumns(),
    scope: text('scope', { enum: LOCALITIES }).notNull(),
    radiusM: integer('radius_m'),
    availableFrom: text('available_from'),
    availableTo: text('available_to'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** available / exhausted follow from the quantities; withdrawn is a decision. */
    status: text('status', { enum: RESOURCE_STATUSES }).notNull().default('available'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('resources_alliance_status_idx').on(t.allianceId, t.status, t.createdAt),
    index('resources_status_created_idx').on(t.status, t.createdAt, t.id),
    index('resources_created_idx').on(t.createdAt, t.id),
    index('resources_org_idx').on(t.offeringOrgId, t.status),
    index('resources_category_idx').on(t.categoryId, t.status),
    check('resources_capacity_positive', sql`${t.capacity} > 0`),
    check('resources_allocated_within', sql`${t.allocatedQty} >= 0 AND ${t.allocatedQty} <= ${t.capacity}`),
    check('resources_radius_nonneg', sql`${t.radiusM} IS NULL OR ${t.radiusM} >= 0`),
  ],
);
export type Resource = typeof resources.$inferSelect;

/**
 * How many times each table that a read kept per isolate depends on has changed (resources and list_categories
 * for a need's suggestions; alliances, needs, organizations, project_claims and projects too for the 督办预警
 * board), one row per table, counted by triggers (migrations 0031, 0032) so that no write path can forget it. An
 * isolate keeps such a read while these numbers stand (ADR 0034). Each database starts its counts at a random number, so two
 * databases behind one tenant slug (tests, a restore) never agree by accident.
 */
export const dataVersions = sqliteTable('data_versions', {
  name: text('name').primaryKey(),
  version: integer('version').notNull(),
});

/**
 * The tables counted in `data_versions`: the one list the triggers' drift check (test/repo/hand-written-schema.ts)
 * and the reads kept per isolate (packages/lists/src/shared/counted-cache.ts) both take.
 */
export const COUNTED_TABLES = ['alliances', 'list_categories', 'needs', 'organizations', 'project_claims', 'projects', 'resources'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

/** A pair a person refused; the engine no longer suggests it. */
export const matchRejections = sqliteTable(
  'match_rejections',
  {
    id: text('id').primaryKey(),
    needId: text('need_id').notNull(),
    resourceId: text('resource_id').notNull(),
    reason: text('reason'),
    rejectedBy: text('rejected_by').notNull(),
    rejectedAt: integer('rejected_at').notNull(),
  },
  (t) => [uniqueIndex('match_rejections_pair_uq').on(t.needId, t.resourceId), index('match_rejections_resource_idx').on(t.resourceId)],
);

/** 项目清单. */
export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    categoryId: text('category_id'),
    /** 项目负责人 and the organization answering for it. */
    ownerName: text('owner_name'),
    ownerOrgId: text('owner_org_id'),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('proposed'),
    /** Sum of `funding`, integer 分. */
    budgetFen: integer('budget_fen').notNull().default(0),
    funding: text('funding', { mode: 'json' }).$type<Array<{ source: (typeof FUNDING_SOURCES)[number]; amountFen: number }>>().notNull().default(sql`'[]'`),
    startOn: text('start_on'),
    dueOn: text('due_on').notNull(),
    startedOn: text('started_on'),
    completedOn: text('completed_on'),
    acceptedOn: text('accepted_on'),
    /** Weighted milestone progress in basis points (0–10000), kept in the same batch as milestone edits. */
    progressBp: integer('progress_bp').notNull().default(0),
    /** Last computed by the supervision job (or on each write); `overdue` itself is computed on read. */
    warning: text('warning', { enum: WARNING_LEVELS }).notNull().default('green'),
    warningReason: text('warning_reason'),
    warningOn: text('warning_on'),
    escalatedOn: text('escalated_on'),
    beneficiaries: integer('beneficiaries'),
    deliveredQty: integer('delivered_qty'),
    outcomeNote: text('outcome_note'),
    acceptanceNote: text('acceptance_note'),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('projects_alliance_status_idx').on(t.allianceId, t.status, t.dueOn),
    index('projects_status_due_idx').on(t.status, t.dueOn, t.id),
    index('projects_created_idx').on(t.createdAt, t.id),
    index('projects_warning_idx').on(t.warning, t.dueOn),
    // The warnings dashboard's counts of open projects by light, outside dissolved alliances, from the index alone.
    index('projects_open_warning_idx').on(t.status, t.warning, t.allianceId),
    check('projects_budget_nonneg', sql`${t.budgetFen} >= 0`),
    check('projects_progress_range', sql`${t.progressBp} BETWEEN 0 AND 10000`),
  ],
);
export type Project = typeof projects.$inferSelect;

/**
 * A need's quantity tied to a project, with the resource that meets it (null
 * when a project takes a need on directly). Its state moves with the project.
 */
export const allocations = sqliteTable(
  'allocations',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    projectId: text('project_id').notNull(),
    needId: text('need_id').notNull(),
    resourceId: text('resource_id'),
    quantity: integer('quantity').notNull(),
    state: text('state', { enum: ALLOCATION_STATES }).notNull().default('committed'),
    /**
     * What the completion report attributes to this allocation (seed 000 6.4:
     * acceptance fulfils what was delivered); null until the project is
     * reported complete. Acceptance fulfils this much and releases the rest.
     */
    deliveredQty: integer('delivered_qty'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('allocations_project_idx').on(t.projectId),
    index('allocations_need_idx').on(t.needId),
    index('allocations_resource_idx').on(t.resourceId),
    check('allocations_quantity_positive', sql`${t.quantity} > 0`),
  ],
);
export type Allocation = typeof allocations.$inferSelect;

/** Milestones with weights; the project's progress is their weighted mean (Decidim accountability style). */
export const projectMilestones = sqliteTable(
  'project_milestones',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull(),
    title: text('title').notNull(),
    weight: integer('weight').notNull(),
    dueOn: text('due_on'),
    progressPct: integer('progress_pct').notNull().default(0),
    doneOn: text('done_on'),
    note: text('note'),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    index('project_milestones_project_idx').on(t.projectId, t.sortOrder),
    check('project_milestones_weight_positive', sql`${t.weight} > 0`),
    check('project_milestones_progress_range', sql`${t.progressPct} BETWEEN 0 AND 100`),
  ],
);
export type ProjectMilestone = typeof projectMilestones.$inferSelect;

/** 认领: a member organization offers to carry (part of) a project; the alliance confirms or declines. */
export const projectClaims = sqliteTable(
  'project_claims',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull(),
    orgId: text('org_id').notNull(),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('pending'),
    /** What the organization undertakes (分工). */
    note: text('note'),
    decisionNote: text('decision_note'),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: integer('claimed_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
  },
  (t) => [
    index('project_claims_project_idx').on(t.projectId, t.claimedAt),
    index('project_claims_org_idx').on(t.orgId, t.status),
    // One live claim per organization and project; declined/withdrawn ones stay as history.
    uniqueIndex('project_claims_live_uq').on(t.projectId, t.orgId).where(sql`status IN ('pending', 'confirmed')`),
  ],
);
export type ProjectClaim = typeof projectClaims.$inferSelect;

/** The supervision thread (督办): append-only, like the audit log. */
export const projectNotes = sqliteTable(
  'project_notes',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull(),
    kind: text('kind', { enum: PROJECT_NOTE_KINDS }).notNull(),
    body: text('body').notNull(),
    authorId: text('author_id'),
    authorName: text('author_name'),
    authorOrgId: text('author_org_id'),
    replyToId: text('reply_to_id'),
    /** For escalations: the organizations it was sent to (alliance lead, approving committee). */
    notified: text('notified', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    onDate: text('on_date').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('project_notes_project_idx').on(t.projectId, t.createdAt), index('project_notes_kind_idx').on(t.kind, t.createdAt)],
);
export type ProjectNote = typeof projectNotes.$inferSelect;
