import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { FILING_KINDS, FILING_STATES } from '../enums.ts';

/**
 * The city's filings inbox (issue 13, ADR 0024): a copy, in the control
 * database, of every county's filings (备案), so the city reads one table
 * instead of visiting every county per request (a province has ~200).
 *
 * The county's `filings` row is the truth. This copy is written from it: by
 * the `alliance.city-filings` consumer on every filing event (it re-reads the
 * county's row and overwrites the copy, so order and redelivery do not
 * matter), by the city's acknowledgement right after the county's batch, and
 * by `refreshCityFilings` (a full copy of one county: seeding, reconciliation).
 * No person's name or phone: who filed is not copied; `cityAckBy` is the
 * city's own account that signed.
 */
export const cityFilings = sqliteTable(
  'city_filings',
  {
    tenant: text('tenant').notNull(),
    id: text('id').notNull(),
    kind: text('kind', { enum: FILING_KINDS }).notNull(),
    allianceId: text('alliance_id').notNull(),
    allianceName: text('alliance_name').notNull(),
    committeeName: text('committee_name').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    filedOn: text('filed_on').notNull(),
    filedAt: integer('filed_at').notNull(),
    countyState: text('county_state', { enum: FILING_STATES }).notNull(),
    cityState: text('city_state', { enum: FILING_STATES }).notNull(),
    cityAckAt: integer('city_ack_at'),
    cityAckBy: text('city_ack_by'),
    /** The county row's version this copy was taken from: a copy never goes back to an older one. */
    version: integer('version').notNull(),
    copiedAt: integer('copied_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant, t.id] }),
    index('city_filings_state_idx').on(t.cityState, t.filedAt),
    index('city_filings_tenant_idx').on(t.tenant, t.cityState, t.filedAt),
    index('city_filings_filed_idx').on(t.filedAt, t.id),
  ],
);
export type CityFiling = typeof cityFilings.$inferSelect;
