import { sql } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { allAllianceRefsQuery, FOUNDED } from '@ronghe/alliance/read';
import { fundEntries, type FundSummaryView, type FundSummaryRow } from '@ronghe/schema';
import { addSource, emptyBySource } from './by-source.ts';

/** Alliances shown even before their first entry: those whose books are open. */
const OPEN_BOOKS = new Set<string>(FOUNDED);

/**
 * The county summary (经费汇总): per alliance, income by source, spending and
 * balance, and the county's totals. Alliances with entries or open books are
 * listed, the largest income first. One grouped read of the ledger.
 */
export async function fundSummary({ ctx }: { ctx: Ctx }): Promise<FundSummaryView> {
  const [refs, groups] = await ctx.db.batch([
    allAllianceRefsQuery(ctx, 'fund_committee'),
    ctx.db
      .select({ allianceId: fundEntries.allianceId, kind: fundEntries.kind, source: fundEntries.source, fen: sql<number>`sum(${fundEntries.amountFen})` })
      .from(fundEntries)
      .groupBy(fundEntries.allianceId, fundEntries.kind, fundEntries.source),
  ]);
  const rows = new Map<string, FundSummaryRow>();
  for (const r of refs) {
    rows.set(r.id, { allianceId: r.id, allianceName: r.name, allianceStatus: r.status, bySource: emptyBySource(), incomeFen: 0, spendingFen: 0, balanceFen: 0 });
  }
  const withEntries = new Set<string>();
  for (const g of groups) {
    const row = rows.get(g.allianceId);
    if (!row) continue;
    withEntries.add(g.allianceId);
    const fen = Number(g.fen);
    if (g.kind === 'income') {
      row.incomeFen += fen;
      addSource(row.bySource, g.source, fen);
    } else row.spendingFen += fen;
    row.balanceFen = row.incomeFen - row.spendingFen;
  }
  const items = [...rows.values()]
    .filter((r) => withEntries.has(r.allianceId) || OPEN_BOOKS.has(r.allianceStatus))
    .sort((x, y) => y.incomeFen - x.incomeFen || (x.allianceName < y.allianceName ? -1 : x.allianceName > y.allianceName ? 1 : 0));
  const totals = { bySource: emptyBySource(), incomeFen: 0, spendingFen: 0, balanceFen: 0 };
  for (const r of items) {
    for (const k of Object.keys(totals.bySource) as Array<keyof typeof totals.bySource>) totals.bySource[k] += r.bySource[k];
    totals.incomeFen += r.incomeFen;
    totals.spendingFen += r.spendingFen;
    totals.balanceFen += r.balanceFen;
  }
  return { items, totals };
}
