import { monthSeries, toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';

// The reward rounds' figures for the city's rollup (issue 13, ADR 0022). A
// published round corrected by a published correction counts once: the correction.

/** rewards: money allocated (published rounds) and disbursed (paid), by the round's level; paid per month. */
export const rewardsRollup: AggregateRead<FiguresPart> = {
  statements: (d1, w) => [
    d1.prepare(
      `SELECT r.level, coalesce(sum(r.allocated_fen), 0) AS n FROM reward_rounds r
       WHERE r.status = 'published' AND NOT EXISTS (SELECT 1 FROM reward_rounds c WHERE c.corrects_round_id = r.id AND c.status = 'published')
       GROUP BY r.level`,
    ),
    d1.prepare(
      `SELECT r.level, coalesce(sum(d.amount_fen), 0) AS n FROM reward_disbursements d JOIN reward_rounds r ON r.id = d.round_id
       WHERE d.status = 'paid' GROUP BY r.level`,
    ),
    d1.prepare(`SELECT substr(paid_on, 1, 7) AS m, sum(amount_fen) AS n FROM reward_disbursements WHERE status = 'paid' AND paid_on >= ?1 GROUP BY m`).bind(`${w.months[0]}-01`),
  ],
  parse: ([allocated, paid, months]) => {
    const bySource: Record<string, { allocatedFen: number; disbursedFen: number }> = {};
    const at = (k: string) => (bySource[k] ??= { allocatedFen: 0, disbursedFen: 0 });
    for (const r of allocated?.results ?? []) at(String(r.level)).allocatedFen += toCount(r.n);
    for (const r of paid?.results ?? []) at(String(r.level)).disbursedFen += toCount(r.n);
    const sum = (k: 'allocatedFen' | 'disbursedFen') => Object.values(bySource).reduce((a, s) => a + s[k], 0);
    return {
      figures: { rewards: { allocatedFen: sum('allocatedFen'), disbursedFen: sum('disbursedFen'), bySource } },
      months: { disbursedFen: monthSeries(months?.results ?? []) },
    };
  },
};

/**
 * The city's awards to each county's recipients, read in the CITY's database
 * (city rounds live there, ADR 0025): money allocated by published city rounds
 * (a corrected round counts once, as its correction) and paid, per recipient
 * county. The rollup adds them to each county's figures under `city`.
 */
export const cityAwardsByCounty = {
  statements: (d1: D1Database) => [
    d1.prepare(
      `SELECT a.recipient_tenant AS tenant, coalesce(sum(a.amount_fen), 0) AS n FROM reward_allocations a JOIN reward_rounds r ON r.id = a.round_id
       WHERE r.level = 'city' AND r.status = 'published' AND a.recipient_tenant IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM reward_rounds c WHERE c.corrects_round_id = r.id AND c.status = 'published')
       GROUP BY a.recipient_tenant`,
    ),
    d1.prepare(
      `SELECT d.recipient_tenant AS tenant, coalesce(sum(d.amount_fen), 0) AS n FROM reward_disbursements d JOIN reward_rounds r ON r.id = d.round_id
       WHERE r.level = 'city' AND d.status = 'paid' AND d.recipient_tenant IS NOT NULL GROUP BY d.recipient_tenant`,
    ),
  ],
  parse: ([allocated, paid]: D1Result<Record<string, unknown>>[]): Map<string, { allocatedFen: number; disbursedFen: number }> => {
    const out = new Map<string, { allocatedFen: number; disbursedFen: number }>();
    const at = (t: unknown) => {
      const k = String(t);
      if (!out.has(k)) out.set(k, { allocatedFen: 0, disbursedFen: 0 });
      return out.get(k)!;
    };
    for (const r of allocated?.results ?? []) at(r.tenant).allocatedFen += toCount(r.n);
    for (const r of paid?.results ?? []) at(r.tenant).disbursedFen += toCount(r.n);
    return out;
  },
};
