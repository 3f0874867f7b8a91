import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The rewards capability (issue 12; seed 000 11.2.1, seed 004 四(二)(三)):
// 以奖代补 reward rounds. Money follows assessed results: a round's settings
// (budget, eligibility, method, caps and floors) are data, simulated as often
// as wanted while it is a draft, and frozen when published — its allocations
// are then written once, each with its explanation, and never change (a
// correction is a new round that names the one it corrects). Amounts in 分.

export const ROUND_LEVELS = ['county', 'city'] as const;
export type RoundLevel = (typeof ROUND_LEVELS)[number];

/** Who a round rewards: alliances (by their assessment) or party branches (by their standing). */
export const ROUND_SUBJECTS = ['alliance', 'branch'] as const;
export type RoundSubject = (typeof ROUND_SUBJECTS)[number];

export const ROUND_STATUSES = ['draft', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const DISBURSEMENT_STATUSES = ['planned', 'paid'] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

/** What a simulation keeps for the next one to compare with: the recipients awarded something, with their amounts. */
export interface SimulationSnapshot {
  at: number;
  budgetFen: number;
  allocatedFen: number;
  amounts: Record<string, { name: string; amountFen: number }>;
  /** 配套 (a county round matching a city round): the matched amount of each recipient with a city award. */
  matched?: Record<string, number>;
}

/**
 * 配套 settings of a county round (ADR 0025): which published city round it
 * matches, at what ratio (county : city = ratioNum : ratioDen), from what part
 * of its own budget, and what happens when that part is short.
 */
export interface MatchingSettings {
  cityRoundId: string;
  ratioNum: number;
  ratioDen: number;
  budgetFen: number;
  shortfallRule: 'scale' | 'cap_in_order';
}

/** The 配套 of a published county round, frozen with it (ADR 0025). */
export interface MatchingFrozen {
  cityRoundId: string;
  cityRoundName: string;
  ruleText: string;
  ratioText: string;
  budgetFen: number;
  cityTotalFen: number;
  wantedTotalFen: number;
  matchedTotalFen: number;
  shortfallTotalFen: number;
  unusedFen: number;
  notes: Array<{ code: string; text: string }>;
  lines: Array<{ recipientId: string; recipientName: string; cityFen: number; wantedFen: number; matchedFen: number; shortfallFen: number; steps: Array<{ code: string; text: string }> }>;
}

export const rewardRounds = sqliteTable(
  'reward_rounds',
  {
    id: text('id').primaryKey(),
    level: text('level', { enum: ROUND_LEVELS }).notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    subject: text('subject', { enum: ROUND_SUBJECTS }).notNull(),
    budgetFen: integer('budget_fen').notNull(),
    /** The allocation method (packages/rewards/src/allocate/types.ts AllocationMethod). */
    method: text('method', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Eligibility, cap and floor (AllocationRules). */
    rules: text('rules', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('draft'),
    /** A correction names the published round it corrects. */
    correctsRoundId: text('corrects_round_id'),
    note: text('note'),
    lastSimulation: text('last_simulation', { mode: 'json' }).$type<SimulationSnapshot>(),
    /** 配套 settings (county rounds only; ADR 0025). */
    matching: text('matching', { mode: 'json' }).$type<MatchingSettings>(),
    /** The 配套 as published (written in the publishing batch, frozen with the round). */
    matched: text('matched', { mode: 'json' }).$type<MatchingFrozen>(),
    allocatedFen: integer('allocated_fen'),
    recipientCount: integer('recipient_count'),
    publishedAt: integer('published_at'),
    publishedBy: text('published_by'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('reward_rounds_year_idx').on(t.year, t.id),
    // A published round is corrected once: the correction of a correction names the newer round.
    uniqueIndex('reward_rounds_corrects_uq').on(t.correctsRoundId),
    check('reward_rounds_budget', sql`${t.budgetFen} >= 0 AND ${t.budgetFen} <= 100000000000`),
    check('reward_rounds_published', sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL)`),
  ],
);
export type RewardRound = typeof rewardRounds.$inferSelect;

/** One recipient's line of a published round: amount, the facts it was computed from, and every step of its explanation. */
export const rewardAllocations = sqliteTable(
  'reward_allocations',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => rewardRounds.id),
    position: integer('position').notNull(),
    recipientType: text('recipient_type', { enum: ROUND_SUBJECTS }).notNull(),
    recipientId: text('recipient_id').notNull(),
    /** A city round's recipient: the county (tenant slug) it belongs to; null in a county round (ADR 0025). */
    recipientTenant: text('recipient_tenant'),
    recipientName: text('recipient_name').notNull(),
    /** ineligible | no_award | awarded. */
    lineStatus: text('line_status').notNull(),
    /** What the method asked for this recipient after the cap; null when it asks no fixed sum. */
    demandFen: integer('demand_fen'),
    amountFen: integer('amount_fen').notNull(),
    facts: text('facts', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    steps: text('steps', { mode: 'json' }).$type<Array<{ code: string; text: string }>>().notNull(),
  },
  (t) => [uniqueIndex('reward_allocations_recipient_uq').on(t.roundId, t.recipientId), index('reward_allocations_tenant_idx').on(t.recipientTenant, t.roundId), index('reward_allocations_round_idx').on(t.roundId, t.position), check('reward_allocations_amount', sql`${t.amountFen} >= 0`)],
);
export type RewardAllocation = typeof rewardAllocations.$inferSelect;

/** The payment of one allocation: planned when the round is published, paid with its date and voucher. */
export const rewardDisbursements = sqliteTable(
  'reward_disbursements',
  {
    id: text('id').primaryKey(),
    allocationId: text('allocation_id')
      .notNull()
      .references(() => rewardAllocations.id),
    roundId: text('round_id').notNull(),
    recipientType: text('recipient_type', { enum: ROUND_SUBJECTS }).notNull(),
    recipientId: text('recipient_id').notNull(),
    /** A city round's payment: the county its recipient belongs to (its fund ledger is there); null in a county round. */
    recipientTenant: text('recipient_tenant'),
    amountFen: integer('amount_fen').notNull(),
    status: text('status', { enum: DISBURSEMENT_STATUSES }).notNull().default('planned'),
    paidOn: text('paid_on'),
    voucherNo: text('voucher_no'),
    paidBy: text('paid_by'),
    paidAt: integer('paid_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('reward_disbursements_allocation_uq').on(t.allocationId),
    index('reward_disbursements_round_idx').on(t.roundId, t.status),
    check('reward_disbursements_paid', sql`(${t.status} = 'paid') = (${t.paidOn} IS NOT NULL AND ${t.voucherNo} IS NOT NULL)`),
  ],
);
export type RewardDisbursement = typeof rewardDisbursements.$inferSelect;
