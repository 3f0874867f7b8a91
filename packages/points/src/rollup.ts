import { monthSeries, toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';

// The points ledger's figures for the city's rollup (issue 13, ADR 0022).

/** points: this year's points and the party members holding some (net of compensations); points per month. */
export const pointsRollup: AggregateRead<FiguresPart> = {
  statements: (d1, w) => {
    const [fy, fm] = w.months[0]!.split('-').map(Number) as [number, number];
    return [
      d1
        .prepare(`SELECT coalesce(sum(s), 0) AS total, coalesce(sum(s > 0), 0) AS members FROM (SELECT person_id, sum(points) AS s FROM point_entries WHERE year = ?1 GROUP BY person_id)`)
        .bind(w.year),
      d1.prepare(`SELECT printf('%04d-%02d', year, month) AS m, sum(points) AS n FROM point_entries WHERE year * 100 + month >= ?1 GROUP BY year, month`).bind(fy * 100 + fm),
    ];
  },
  parse: ([year, months]) => {
    const r = year?.results[0] ?? {};
    const series = monthSeries(months?.results ?? []);
    for (const k of Object.keys(series)) series[k] = Math.max(0, series[k]!);
    return { figures: { points: { total: toCount(r.total), members: toCount(r.members) } }, months: { pointsAwarded: series } };
  },
};
