import { toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';

// The fund ledgers' figures for the city's rollup (issue 13, ADR 0022).

/**
 * rewards.bySource for the ledger's income sources (上级拨 allocation, 各方筹
 * contribution, 党费补 party_fee, other): money received into the alliances'
 * ledgers, net of reversals — received money is both allocated and disbursed.
 */
export const fundsRollup: AggregateRead<FiguresPart> = {
  statements: (d1) => [d1.prepare(`SELECT source, coalesce(sum(amount_fen), 0) AS n FROM fund_entries WHERE kind = 'income' AND source IS NOT NULL GROUP BY source`)],
  parse: ([res]) => {
    const bySource: Record<string, { allocatedFen: number; disbursedFen: number }> = {};
    for (const r of res?.results ?? []) bySource[String(r.source)] = { allocatedFen: toCount(r.n), disbursedFen: toCount(r.n) };
    return { figures: { rewards: { bySource } }, months: {} };
  },
};
