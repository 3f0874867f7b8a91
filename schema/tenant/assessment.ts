import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The assessment capability (issue 12; seed 000 8.2, seed 003 mechanism 6,
// seed 004 三(三)): indicator schemes per level and year, the approving
// committee's annual assessment of each alliance, and its 四评 ratings.
// Each county has its own database, so every row here is the county's; a
// city-level scheme lives in the county database that uses it (level 'city').

/** Who sets the scheme: the county organization department or the city's. */
export const SCHEME_LEVELS = ['county', 'city'] as const;
export type SchemeLevel = (typeof SCHEME_LEVELS)[number];

/** A scheme is edited as a draft, used once published, frozen once a finished assessment used it. */
export const SCHEME_STATUSES = ['draft', 'published', 'frozen'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

/**
 * How an indicator gets its score: `computed` from the system's own data (with
 * its evidence), `rated` from one 四评 rater group's ratings, `scored` by the
 * committee by hand.
 */
export const INDICATOR_KINDS = ['computed', 'rated', 'scored'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** What a `computed` indicator measures (issue 12 § Indicator schemes). */
export const INDICATOR_METRICS = [
  'quota_compliance', // 五个一 compliance of the alliance's activity quotas
  'meetings_held', // joint meetings held against the yearly standard
  'projects_on_time', // projects completed on time / completed
  'needs_met', // needs met / needs received
  'overdue_items', // overdue needs and projects (fewer is better)
  'points_per_member', // points per party member of the member organizations
  'member_report_compliance', // 双报到 compliance of the member organizations' in-service members
  'member_org_satisfaction', // member organizations' evaluation of the alliance (seed 003 mechanism 6)
] as const;
export type IndicatorMetric = (typeof INDICATOR_METRICS)[number];

/** 四评 (seed 004 三(三)) and the member organizations' evaluation of their alliance (seed 003 mechanism 6). */
export const RATER_GROUPS = ['committee', 'member', 'resident', 'department', 'member_org'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

/** A resident's answer (群众评判), best first: 满意 / 基本满意 / 不满意. Other groups answer with ASSESSMENT_GRADES. */
export const RESIDENT_LEVELS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type ResidentLevel = (typeof RESIDENT_LEVELS)[number];

/** Grades, best first. */
export const ASSESSMENT_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

export const ASSESSMENT_STATUSES = ['open', 'finalized'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Score thresholds (hundredths of a point, of 100 points) from which a grade is reached. */
export interface GradeThresholds {
  excellent: number;
  good: number;
  fair: number;
}

/**
 * 指标体系: one version of a scheme for a level and year. Weights of its
 * indicators sum to 100. A scheme used by a finalized assessment is frozen
 * (no edit); the next year copies it (`copied_from_id`).
 */
export const indicatorSchemes = sqliteTable(
  'indicator_schemes',
  {
    id: text('id').primaryKey(),
    level: text('level', { enum: SCHEME_LEVELS }).notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull().default(1),
    name: text('name').notNull(),
    status: text('status', { enum: SCHEME_STATUSES }).notNull().default('draft'),
    /** Hundredths of a point: 优秀 from 9000 (90 分) by default. */
    thresholds: text('thresholds', { mode: 'json' }).$type<GradeThresholds>().notNull(),
    copiedFromId: text('copied_from_id'),
    frozenAt: integer('frozen_at'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [uniqueIndex('indicator_schemes_level_year_version_uq').on(t.level, t.year, t.version), check('indicator_schemes_version', sql`${t.version} >= 1`)],
);
export type IndicatorScheme = typeof indicatorSchemes.$inferSelect;

/** One indicator of a scheme: its weight (percent of the total) and the raw maximum it is scored on. */
export const schemeIndicators = sqliteTable(
  'scheme_indicators',
  {
    id: text('id').primaryKey(),
    schemeId: text('scheme_id')
      .notNull()
      .references(() => indicatorSchemes.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** 评分标准: what earns the points, in the scheme's words. */
    criteria: text('criteria').notNull().default(''),
    kind: text('kind', { enum: INDICATOR_KINDS }).notNull(),
    metric: text('metric', { enum: INDICATOR_METRICS }),
    raterGroup: text('rater_group', { enum: RATER_GROUPS }),
    /** Percent of the 100-point total (the scheme's weights sum to 100). */
    weight: integer('weight').notNull(),
    /** The raw scale the indicator is scored on (e.g. 10 or 100). */
    maxScore: integer('max_score').notNull(),
  },
  (t) => [
    uniqueIndex('scheme_indicators_position_uq').on(t.schemeId, t.position),
    check('scheme_indicators_weight', sql`${t.weight} BETWEEN 1 AND 100 AND ${t.maxScore} >= 1`),
    check('scheme_indicators_kind', sql`(${t.kind} = 'computed') = (${t.metric} IS NOT NULL) AND (${t.kind} = 'rated') = (${t.raterGroup} IS NOT NULL)`),
  ],
);
export type SchemeIndicator = typeof schemeIndicators.$inferSelect;

/**
 * The annual assessment of one alliance, run by its approving committee. Open
 * while scores and ratings come in; finalized once, with the score, the grade
 * and the consequences it carries (eligibility, rectification, dissolution proposal).
 */
export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    year: integer('year').notNull(),
    schemeId: text('scheme_id')
      .notNull()
      .references(() => indicatorSchemes.id),
    committeeOrgId: text('committee_org_id').notNull(),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('open'),
    /** Hundredths of a point of 100; null until finalized. */
    score: integer('score'),
    grade: text('grade', { enum: ASSESSMENT_GRADES }),
    /** What follows from the grade (issue 12): a JSON object the assessment capability owns. */
    consequences: text('consequences', { mode: 'json' }).$type<Record<string, unknown>>(),
    finalizedAt: integer('finalized_at'),
    finalizedBy: text('finalized_by'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('assessments_alliance_year_uq').on(t.allianceId, t.year),
    index('assessments_year_status_idx').on(t.year, t.status),
    check('assessments_finalized', sql`(${t.status} = 'finalized') = (${t.score} IS NOT NULL AND ${t.grade} IS NOT NULL)`),
  ],
);
export type Assessment = typeof assessments.$inferSelect;

/**
 * One indicator's score in one assessment: `raw` on the indicator's own scale
 * (hundredths), with the evidence behind it (computed figures, rating counts,
 * or the committee's note).
 */
export const assessmentScores = sqliteTable(
  'assessment_scores',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => schemeIndicators.id),
    /** Hundredths of a raw point, 0 … max_score × 100. */
    raw: integer('raw').notNull(),
    evidence: text('evidence', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    enteredBy: text('entered_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('assessment_scores_indicator_uq').on(t.assessmentId, t.indicatorId), check('assessment_scores_raw', sql`${t.raw} >= 0`)],
);
export type AssessmentScore = typeof assessmentScores.$inferSelect;

/**
 * One rating of an assessment by one rater of a 四评 group. `rater_key`
 * names who answered (a person, an organization, a department's name, or the
 * resident link), unique per assessment and group: one answer each.
 */
export const assessmentRatings = sqliteTable(
  'assessment_ratings',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id),
    raterGroup: text('rater_group', { enum: RATER_GROUPS }).notNull(),
    raterKey: text('rater_key').notNull(),
    /** 0 … 100. */
    score: integer('score').notNull(),
    /** 优秀/良好/一般/较差 for people and organizations, 满意/基本满意/不满意 for residents. */
    level: text('level').notNull(),
    comment: text('comment'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('assessment_ratings_rater_uq').on(t.assessmentId, t.raterGroup, t.raterKey), check('assessment_ratings_score', sql`${t.score} BETWEEN 0 AND 100`)],
);
export type AssessmentRating = typeof assessmentRatings.$inferSelect;

/**
 * A signed link (or its QR code) for one resident's answer (群众评判, no
 * login). Only the token's SHA-256 is kept; `used_at` makes it one answer.
 */
export const ratingLinks = sqliteTable(
  'rating_links',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id),
    raterGroup: text('rater_group', { enum: RATER_GROUPS }).notNull().default('resident'),
    tokenHash: text('token_hash').notNull(),
    label: text('label'),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    /** Withdrawn by the committee before use (lane raters): the link answers like an expired one. */
    revokedAt: integer('revoked_at'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('rating_links_token_uq').on(t.tokenHash), index('rating_links_assessment_idx').on(t.assessmentId)],
);
export type RatingLink = typeof ratingLinks.$inferSelect;
