import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { shanghaiDate, type Ctx } from '@ronghe/core';
import { fundEntries, type FundLedgerQuery, type FundLedgerView } from '@ronghe/schema';
import { assertMayRead, loadAlliance } from '../shared/scope.ts';
import { signedFenSql } from '../shared/signed.ts';
import { entryViews } from './view.ts';

/** Most entries one year of one alliance holds (far above a real alliance's books: a few hundred a year). */
const MAX_YEAR_ROWS = 5_000;

/**
 * An alliance's ledger for one year (default: this year in Asia/Shanghai):
 * the balance carried from the years before, every entry of the year in date
 * then recording order with the running balance, and the year's totals.
 */
export async function fundLedger({ ctx, input }: { ctx: Ctx; input: { allianceId: string } & FundLedgerQuery }): Promise<FundLedgerView> {
  const a = await loadAlliance(ctx, input.allianceId);
  await assertMayRead(ctx, a);
  const year = input.year ?? Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const [opening, rows] = await ctx.db.batch([
    ctx.db
      .select({ fen: sql<number>`coalesce(sum(${signedFenSql}), 0)` })
      .from(fundEntries)
      .where(and(eq(fundEntries.allianceId, a.id), lt(fundEntries.occurredOn, from))),
    ctx.db
      .select()
      .from(fundEntries)
      .where(and(eq(fundEntries.allianceId, a.id), gte(fundEntries.occurredOn, from), lt(fundEntries.occurredOn, to)))
      .orderBy(asc(fundEntries.occurredOn), asc(fundEntries.createdAt), asc(fundEntries.id))
      .limit(MAX_YEAR_ROWS),
  ]);
  const openingFen = Number(opening[0]?.fen ?? 0);
  const items = await entryViews(ctx, a.id, rows, openingFen);
  let incomeFen = 0;
  let spendingFen = 0;
  for (const r of rows) {
    if (r.kind === 'income') incomeFen += r.amountFen;
    else spendingFen += r.amountFen;
  }
  return { allianceId: a.id, allianceName: a.name, year, openingFen, incomeFen, spendingFen, closingFen: openingFen + incomeFen - spendingFen, items };
}
