import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { alliances } from './alliance.ts';
import { organizations } from './registry.ts';

// Tables of the honours capability (issue 12; seed 004, seed 000 11.2.1): branch
// standardization applications with their 四评 evaluation and the county's
// acceptance, 最强党支部 designations (区级 / 市级) with their revocations, and
// demonstration sites. The organization's own quality status lives in the
// registry's `organizations` row; these tables keep the procedure and history.

/** 支部申请 → 街道党工委考评 → 区委组织部验收 (seed 004 三(三)); `revoked`: 四(四) dynamic management. */
export const STANDARDIZATION_STATUSES = ['applied', 'evaluated', 'accepted', 'returned', 'revoked'] as const;
export type StandardizationStatus = (typeof STANDARDIZATION_STATUSES)[number];

/** 年度述职评议考核 grade (entered by the committee: alliance assessments grade alliances, not branches). */
export const REVIEW_GRADES = ['优秀', '良好', '一般', '较差'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

/** Who designates: the county (区级, 区委组织部) or the city (市级, 市委组织部). */
export const HONOUR_LEVELS = ['county', 'city'] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];

export const DESIGNATION_STATUSES = ['in_force', 'revoked'] as const;
export type DesignationStatus = (typeof DESIGNATION_STATUSES)[number];

/** One department's objection in 社会评价 (seed 004 三(三), 三(四)). */
export interface DepartmentObjection {
  department: string;
  text: string;
}

/** Facts read from other capabilities when the committee evaluated, kept as shown (evidence). */
export interface StandardizationEvidence {
  orgLife: { status: 'met' | 'behind'; behindKinds: number; onDate: string } | null;
  weakFlag: boolean;
}

export const branchStandardizations = sqliteTable(
  'branch_standardizations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    status: text('status', { enum: STANDARDIZATION_STATUSES }).notNull(),
    selfAssessment: text('self_assessment').notNull(),
    appliedBy: text('applied_by').notNull(),
    appliedAt: integer('applied_at').notNull(),
    // 四评, as tallies (null until the committee evaluates).
    /** 组织评定: 0–100. */
    orgScore: integer('org_score'),
    annualReviewGrade: text('annual_review_grade', { enum: REVIEW_GRADES }),
    /** 党员评议: the members who took part, and how many rated each level. */
    membersEvaluating: integer('members_evaluating'),
    membersExcellent: integer('members_excellent'),
    membersGood: integer('members_good'),
    membersFair: integer('members_fair'),
    membersPoor: integer('members_poor'),
    /** 群众评判. */
    residentsSatisfied: integer('residents_satisfied'),
    residentsBasic: integer('residents_basic'),
    residentsDissatisfied: integer('residents_dissatisfied'),
    /** Of the 不满意, how many were verified (经查证属实). */
    residentsDissatisfiedVerified: integer('residents_dissatisfied_verified'),
    /** 社会评价: departments consulted and their objections. */
    departmentsConsulted: integer('departments_consulted'),
    departmentObjections: text('department_objections', { mode: 'json' }).$type<DepartmentObjection[]>(),
    evaluationNote: text('evaluation_note'),
    evidence: text('evidence', { mode: 'json' }).$type<StandardizationEvidence>(),
    evaluatedBy: text('evaluated_by'),
    evaluatedAt: integer('evaluated_at'),
    /** The county's 验收 (accept) or its reason to return; a revocation's reason. */
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
    revokedReason: text('revoked_reason'),
    revokedAt: integer('revoked_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // One live application per branch and year; a returned or revoked one may be followed by a new one.
    uniqueIndex('branch_standardizations_live_uq').on(t.orgId, t.year).where(sql`status NOT IN ('returned', 'revoked')`),
    index('branch_standardizations_year_idx').on(t.year, t.status),
    check('branch_standardizations_score', sql`${t.orgScore} IS NULL OR ${t.orgScore} BETWEEN 0 AND 100`),
    check(
      'branch_standardizations_members',
      sql`${t.membersEvaluating} IS NULL OR ${t.membersExcellent} + ${t.membersGood} + ${t.membersFair} + ${t.membersPoor} = ${t.membersEvaluating}`,
    ),
    check('branch_standardizations_verified', sql`${t.residentsDissatisfiedVerified} IS NULL OR ${t.residentsDissatisfiedVerified} <= ${t.residentsDissatisfied}`),
  ],
);
export type BranchStandardization = typeof branchStandardizations.$inferSelect;

/** One rule of the 最强党支部 check (seed 004 三(四)), as it stood when checked. */
export interface RuleCheck {
  code: string;
  passed: boolean;
  sentence: string;
}

/** 最强党支部 of a year and level. Revocation keeps the row (the branch's history). */
export const honourDesignations = sqliteTable(
  'honour_designations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    level: text('level', { enum: HONOUR_LEVELS }).notNull(),
    status: text('status', { enum: DESIGNATION_STATUSES }).notNull(),
    standardizationId: text('standardization_id')
      .notNull()
      .references(() => branchStandardizations.id),
    reason: text('reason').notNull(),
    checks: text('checks', { mode: 'json' }).notNull().$type<RuleCheck[]>(),
    designatedBy: text('designated_by').notNull(),
    designatedAt: integer('designated_at').notNull(),
    revokedReason: text('revoked_reason'),
    /** manual: the organization department; weak_flag: the branch was flagged 软弱涣散. */
    revokedCause: text('revoked_cause', { enum: ['manual', 'weak_flag'] }),
    revokedBy: text('revoked_by'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('honour_designations_live_uq').on(t.orgId, t.year, t.level).where(sql`status = 'in_force'`), index('honour_designations_year_idx').on(t.year)],
);
export type HonourDesignation = typeof honourDesignations.$inferSelect;

/** 示范点 (seed 000 11.2.1): an alliance or a branch, per level and year. */
export const demoSites = sqliteTable(
  'demo_sites',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type', { enum: ['org', 'alliance'] }).notNull(),
    orgId: text('org_id').references(() => organizations.id),
    allianceId: text('alliance_id').references(() => alliances.id),
    level: text('level', { enum: HONOUR_LEVELS }).notNull(),
    year: integer('year').notNull(),
    status: text('status', { enum: DESIGNATION_STATUSES }).notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence').notNull(),
    documentIds: text('document_ids', { mode: 'json' }).notNull().$type<string[]>(),
    designatedBy: text('designated_by').notNull(),
    designatedAt: integer('designated_at').notNull(),
    revokedReason: text('revoked_reason'),
    revokedBy: text('revoked_by'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [
    // One 示范点 in force per subject, level and year (two partial indexes: NULLs never collide in a unique index).
    uniqueIndex('demo_sites_org_live_uq').on(t.orgId, t.level, t.year).where(sql`status = 'in_force' AND org_id IS NOT NULL`),
    uniqueIndex('demo_sites_alliance_live_uq').on(t.allianceId, t.level, t.year).where(sql`status = 'in_force' AND alliance_id IS NOT NULL`),
    index('demo_sites_year_idx').on(t.year),
    check('demo_sites_subject', sql`(${t.subjectType} = 'org' AND ${t.orgId} IS NOT NULL AND ${t.allianceId} IS NULL) OR (${t.subjectType} = 'alliance' AND ${t.allianceId} IS NOT NULL AND ${t.orgId} IS NULL)`),
  ],
);
export type DemoSite = typeof demoSites.$inferSelect;
