import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Tables of the funds capability (issue 12; seed 000 11.2.2, seed 003 mechanism 5):
// the alliance fund ledger (经费保障). Each county has its own database, so every
// row here is the county's.

/** Income or spending. */
export const FUND_ENTRY_KINDS = ['income', 'spending'] as const;
export type FundEntryKind = (typeof FUND_ENTRY_KINDS)[number];

/** Where income comes from (seed 003 mechanism 5: 上级拨、各方筹、党费补), and 其他. */
export const FUND_SOURCES = ['allocation', 'contribution', 'party_fee', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/**
 * The ledger: append-only (BEFORE UPDATE/DELETE triggers abort, the
 * `funds_ledger_append_only` custom migration). Amounts are integer 分.
 *
 * An original entry has a positive amount; a correction (冲正) is a new entry
 * of the same kind, source and project with the NEGATIVE amount, naming the
 * entry it reverses (`reverses_id`, unique: an entry is reversed at most once;
 * the CHECK ties a negative amount to a reversal, so a reversal of a reversal
 * would need a positive `reverses_id` row of its own and the code refuses it).
 * So every sum — balance, per source, per project — is a plain SUM of amounts.
 *
 * `source_key` is unique and says what made the entry, so a posting that may
 * arrive twice writes once: `manual:<id>` (recorded by hand),
 * `call:<call id>:<org id>` (a member's part of a contribution call),
 * `reversal:<entry id>`, and — for a reward round's disbursement posted by an
 * event consumer — `reward:<disbursement id>`.
 */
export const fundEntries = sqliteTable(
  'fund_entries',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id').notNull(),
    kind: text('kind', { enum: FUND_ENTRY_KINDS }).notNull(),
    /** Income only: 上级拨 / 各方筹 / 党费补 / 其他. */
    source: text('source', { enum: FUND_SOURCES }),
    /** 分; positive for an original entry, negative for a reversal. */
    amountFen: integer('amount_fen').notNull(),
    /** Spending only, optional: the alliance's project the money went to. */
    projectId: text('project_id'),
    /** 各方筹: the member organization that contributed. */
    orgId: text('org_id'),
    /** 各方筹: the contribution call the entry is one part of. */
    callId: text('call_id'),
    /** The contribution call's bp of this member when it was made (the basis of its part). */
    contributionBp: integer('contribution_bp'),
    /** Asia/Shanghai calendar date the money moved (YYYY-MM-DD). */
    occurredOn: text('occurred_on').notNull(),
    /** 凭证号. */
    voucherNo: text('voucher_no'),
    /** 摘要. */
    summary: text('summary').notNull(),
    reversesId: text('reverses_id'),
    /** A reversal's reason. */
    reason: text('reason'),
    sourceKey: text('source_key').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('fund_entries_source_uq').on(t.sourceKey),
    uniqueIndex('fund_entries_reverses_uq').on(t.reversesId),
    index('fund_entries_alliance_idx').on(t.allianceId, t.occurredOn, t.createdAt),
    index('fund_entries_project_idx').on(t.projectId),
    check('fund_entries_amount', sql`${t.amountFen} <> 0 AND abs(${t.amountFen}) <= 100000000000`),
    check('fund_entries_reversal', sql`(${t.reversesId} IS NULL) = (${t.amountFen} > 0)`),
    check('fund_entries_source', sql`(${t.kind} = 'income') = (${t.source} IS NOT NULL)`),
    check('fund_entries_project', sql`${t.projectId} IS NULL OR ${t.kind} = 'spending'`),
    check('fund_entries_date', sql`${t.occurredOn} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
  ],
);
export type FundEntry = typeof fundEntries.$inferSelect;
