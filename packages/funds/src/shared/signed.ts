import { sql } from 'drizzle-orm';
import { fundEntries, type FundEntry } from '@ronghe/schema';

/** An entry's effect on the balance: income adds, spending subtracts (a reversal's negative amount turns either round). */
export const signedFen = (e: Pick<FundEntry, 'kind' | 'amountFen'>): number => (e.kind === 'income' ? e.amountFen : -e.amountFen);

/** The same, in SQL. */
export const signedFenSql = sql<number>`CASE WHEN ${fundEntries.kind} = 'income' THEN ${fundEntries.amountFen} ELSE -${fundEntries.amountFen} END`;
