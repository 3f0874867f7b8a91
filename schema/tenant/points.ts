import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role } from '../enums.ts';
import { people } from './people.ts';

// The points capability (issue 11; seed 002 (九), seed 000 9.1): point rules
// as versioned data, the append-only ledger and totals kept in the same batch.
// Each county has its own database, so every row here is the county's.

/** Where points come from (seed 002 (九): 组织生活、政治学习、作用发挥 …). */
export const POINT_SOURCES = ['org_life', 'study', 'service_hour', 'post_duty', 'activity_attendance', 'project_contribution', 'report_participation', 'manual'] as const;
export type PointSource = (typeof POINT_SOURCES)[number];

/** The period a rule's cap counts over, per person. */
export const CAP_PERIODS = ['month', 'quarter', 'year'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** award: from a domain event; manual: given by hand with a reason; compensation: reverses one entry. */
export const ENTRY_KINDS = ['award', 'manual', 'compensation'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * One VERSION of a point rule. A change never updates a row: it inserts the
 * next version of the same code (`valid_from` = when it was written), and a
 * ledger entry names the version row it was computed with, so history keeps
 * the points it had. The current rule of a code is its highest version.
 * Event-driven awards use the rule whose code equals the source
 * (`service_hour`, `activity_attendance`, …); see packages/points/src/rules/defaults.ts.
 */
export const pointRules = sqliteTable(
  'point_rules',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    source: text('source', { enum: POINT_SOURCES }).notNull(),
    /** Points per unit (an attendance, a full hour of service, an approved post …). */
    pointsPerUnit: integer('points_per_unit').notNull(),
    /** The cap's period; null = no cap. */
    capPeriod: text('cap_period', { enum: CAP_PERIODS }),
    /** Most points one person earns from this rule in one period. */
    capPoints: integer('cap_points'),
    /** Roles that may award this rule by hand (empty: automatic only). */
    awardRoles: text('award_roles', { mode: 'json' }).$type<Role[]>().notNull().default(sql`'[]'`),
    reasonRequired: integer('reason_required', { mode: 'boolean' }).notNull().default(true),
    /** A disabled rule awards nothing (its events are still consumed). */
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    validFrom: integer('valid_from').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('point_rules_code_version_uq').on(t.code, t.version),
    check('point_rules_cap', sql`(${t.capPeriod} IS NULL) = (${t.capPoints} IS NULL) AND (${t.capPoints} IS NULL OR ${t.capPoints} >= 0)`),
    check('point_rules_points', sql`${t.pointsPerUnit} BETWEEN 0 AND 1000 AND ${t.version} >= 1`),
  ],
);
export type PointRule = typeof pointRules.$inferSelect;

/**
 * The ledger: append-only (BEFORE UPDATE/DELETE triggers abort, migration
 * 0016_points_ledger_append_only). `source_key` is unique: the event id (or
 * event id + person for an event naming several people), `manual:<entry id>`,
 * `compensation:<entry id>` — awarding twice for one event is impossible,
 * whatever the redelivery. A capped award is clipped in SQL to what the
 * period still allows; a 0-point entry still holds its source key.
 */
export const pointEntries = sqliteTable(
  'point_entries',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    /** The rule VERSION used. */
    ruleId: text('rule_id')
      .notNull()
      .references(() => pointRules.id),
    /** The rule's code, for caps across versions. */
    ruleCode: text('rule_code').notNull(),
    kind: text('kind', { enum: ENTRY_KINDS }).notNull(),
    points: integer('points').notNull(),
    /** What was asked before the cap (units × points per unit, or the manual amount). */
    requested: integer('requested').notNull(),
    reason: text('reason'),
    sourceKey: text('source_key').notNull(),
    /** The event type (`service.confirmed` …) or `manual`. */
    sourceType: text('source_type').notNull(),
    /** The object the event was about (service log, check-in, org-life record …). */
    sourceId: text('source_id'),
    compensatesId: text('compensates_id'),
    /** The person's home branch when the entry was written: the branch total it counts in. */
    homeOrgId: text('home_org_id'),
    /** Period keys in Asia/Shanghai of when the thing happened. */
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('point_entries_source_uq').on(t.sourceKey),
    uniqueIndex('point_entries_compensates_uq').on(t.compensatesId),
    index('point_entries_person_idx').on(t.personId, t.year, t.createdAt),
    index('point_entries_cap_idx').on(t.personId, t.ruleCode, t.year, t.month),
    index('point_entries_period_idx').on(t.year, t.month, t.personId, t.points),
    index('point_entries_created_idx').on(t.createdAt),
    check('point_entries_month', sql`${t.month} BETWEEN 1 AND 12`),
    check('point_entries_compensation', sql`(${t.kind} = 'compensation') = (${t.compensatesId} IS NOT NULL)`),
  ],
);
export type PointEntry = typeof pointEntries.$inferSelect;

/** A person's total for a year, kept in the batch of every entry; (year, total DESC) is the leaderboard's one indexed read. */
export const pointTotals = sqliteTable(
  'point_totals',
  {
    personId: text('person_id').notNull(),
    year: integer('year').notNull(),
    total: integer('total').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.year] }), index('point_totals_board_idx').on(t.year, sql`${t.total} DESC`, t.personId)],
);

/** A branch's total for a year (sum of its members' entries; an assessment input), kept in the same batch. */
export const pointOrgTotals = sqliteTable(
  'point_org_totals',
  {
    orgId: text('org_id').notNull(),
    year: integer('year').notNull(),
    total: integer('total').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] }), index('point_org_totals_board_idx').on(t.year, sql`${t.total} DESC`, t.orgId)],
);
