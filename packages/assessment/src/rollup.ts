import { toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';

// The assessment's figures for the city's rollup (issue 13, ADR 0022).

/** assessment: the latest year with a finalized assessment and its grade distribution. */
export const assessmentRollup: AggregateRead<FiguresPart> = {
  statements: (d1) => [
    d1.prepare(
      `SELECT year, grade, count(*) AS n FROM assessments
       WHERE status = 'finalized' AND year = (SELECT max(year) FROM assessments WHERE status = 'finalized') GROUP BY year, grade`,
    ),
  ],
  parse: ([res]) => {
    const grades = { excellent: 0, good: 0, fair: 0, poor: 0 };
    let year: number | null = null;
    for (const r of res?.results ?? []) {
      year = toCount(r.year);
      if (r.grade && String(r.grade) in grades) grades[String(r.grade) as keyof typeof grades] += toCount(r.n);
    }
    return { figures: { assessment: { year, grades } }, months: {} };
  },
};

/** The drill-down: each alliance's grade of its latest finalized assessment. */
export const latestGradesStatement = (d1: D1Database) =>
  d1.prepare(
    `SELECT a.alliance_id AS id, a.grade FROM assessments a WHERE a.status = 'finalized'
       AND a.year = (SELECT max(b.year) FROM assessments b WHERE b.alliance_id = a.alliance_id AND b.status = 'finalized')`,
  );
