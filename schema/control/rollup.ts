import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// The city's rollup (issue 13, ADR 0022): figures per county, kept in the
// control database because they cross tenants. Figures only — no name of a
// person, no phone, no identity number, no free text a person wrote.

/**
 * One county's refresh state: whether its last refresh failed (the figures
 * kept are then the last good ones, marked stale since `staleSince`) and the
 * last error as a category (never a message carrying data).
 */
export const rollupCounties = sqliteTable('rollup_counties', {
  slug: text('slug').primaryKey(),
  stale: integer('stale', { mode: 'boolean' }).notNull().default(false),
  staleSince: integer('stale_since'),
  lastError: text('last_error'),
  /** The last full recount that succeeded (epoch ms). */
  recountedAt: integer('recounted_at'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One county's figures from one source capability (registry, alliance, lists,
 * people, activities, points, assessment, rewards, funds): a JSON fragment of
 * CountyFigures (schema/rollup-view.ts). The county's figures are the merge of
 * its parts. A part is written only by a computation newer than the stored one
 * (`as_of`), so a late, older recompute never overwrites a newer one.
 */
export const rollupParts = sqliteTable(
  'rollup_parts',
  {
    slug: text('slug').notNull(),
    source: text('source').notNull(),
    /** When the figures were read from the county's database (epoch ms). */
    asOf: integer('as_of').notNull(),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.source] })],
);

/** One county's month (Asia/Shanghai, `YYYY-MM`) of MonthFigures; the last 24 months are kept. */
export const rollupMonths = sqliteTable(
  'rollup_months',
  {
    slug: text('slug').notNull(),
    month: text('month').notNull(),
    alliancesEstablished: integer('alliances_established').notNull().default(0),
    needsMet: integer('needs_met').notNull().default(0),
    projectsCompleted: integer('projects_completed').notNull().default(0),
    activitiesHeld: integer('activities_held').notNull().default(0),
    meetingsHeld: integer('meetings_held').notNull().default(0),
    pointsAwarded: integer('points_awarded').notNull().default(0),
    disbursedFen: integer('disbursed_fen').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.slug, t.month] }), index('rollup_months_month_idx').on(t.month)],
);

/** The drill-down: one alliance's public summary (RollupAlliance, as JSON) per county. */
export const rollupAlliances = sqliteTable(
  'rollup_alliances',
  {
    slug: text('slug').notNull(),
    allianceId: text('alliance_id').notNull(),
    asOf: integer('as_of').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.allianceId] })],
);
