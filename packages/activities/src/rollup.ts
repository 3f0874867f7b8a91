import { monthSeries, toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';
import { runningAllianceIdsSql } from '@ronghe/alliance/read';
import type { ActivityKind, QuotaPeriod } from '@ronghe/schema';
import { periodsOf, type QuotaRowInput } from './quotas/compliance-rules.ts';
import { DEFAULT_PLAN } from './quotas/defaults.ts';

// The activities' figures for the city's rollup (issue 13, ADR 0022).

/**
 * activities: 五个一 quota items due this year (periods begun by today) across
 * running alliances and those met — the same count as the assessment's
 * `quotaFigures`, for every running alliance at once — joint meetings and
 * activities held this year; both per month.
 */
export const activitiesRollup: AggregateRead<FiguresPart> = {
  statements: (d1, w) => {
    const running = runningAllianceIdsSql();
    const from = `${w.year}-01-01`;
    const to = `${w.year}-12-31`;
    return [
      d1.prepare(`SELECT id FROM (${running})`),
      d1.prepare(`SELECT alliance_id AS a, kind, period, required FROM activity_quota_plans WHERE year = ?1 AND alliance_id IN (${running})`).bind(w.year),
      d1
        .prepare(
          `SELECT alliance_id AS a, kind, activity_date AS d, count(*) AS n FROM activities
           WHERE status = 'held' AND activity_date BETWEEN ?1 AND ?2 AND alliance_id IN (${running}) GROUP BY alliance_id, kind, activity_date`,
        )
        .bind(from, to),
      d1
        .prepare(
          `SELECT (SELECT count(*) FROM meetings WHERE held_on BETWEEN ?1 AND ?2) AS meetings,
                  (SELECT count(*) FROM activities WHERE status = 'held' AND activity_date BETWEEN ?1 AND ?2) AS activities`,
        )
        .bind(from, to),
      d1.prepare(`SELECT substr(activity_date, 1, 7) AS m, count(*) AS n FROM activities WHERE status = 'held' AND activity_date >= ?1 GROUP BY m`).bind(`${w.months[0]}-01`),
      d1.prepare(`SELECT substr(held_on, 1, 7) AS m, count(*) AS n FROM meetings WHERE held_on >= ?1 GROUP BY m`).bind(`${w.months[0]}-01`),
    ];
  },
  parse: ([running, plans, held, year, actMonths, meetMonths], w) => {
    const planOf = new Map<string, QuotaRowInput[]>();
    for (const p of plans?.results ?? []) {
      const a = String(p.a);
      planOf.set(a, [...(planOf.get(a) ?? []), { kind: p.kind as ActivityKind, period: p.period as QuotaPeriod, required: toCount(p.required) }]);
    }
    const heldOf = new Map<string, Array<{ d: string; n: number }>>();
    for (const h of held?.results ?? []) {
      const key = `${h.a}|${h.kind}`;
      heldOf.set(key, [...(heldOf.get(key) ?? []), { d: String(h.d), n: toCount(h.n) }]);
    }
    let quotaItems = 0;
    let quotaMet = 0;
    for (const r of running?.results ?? []) {
      const a = String(r.id);
      for (const row of planOf.get(a) ?? DEFAULT_PLAN) {
        const dates = heldOf.get(`${a}|${row.kind}`) ?? [];
        for (const p of periodsOf(w.year, row.period).filter((p) => p.start <= w.today)) {
          quotaItems += row.required;
          const got = dates.filter((x) => x.d >= p.start && x.d <= p.end).reduce((s, x) => s + x.n, 0);
          quotaMet += Math.min(row.required, got);
        }
      }
    }
    const y = year?.results[0] ?? {};
    return {
      figures: { activities: { quotaItems, quotaMet, meetingsHeld: toCount(y.meetings), activitiesHeld: toCount(y.activities) } },
      months: { activitiesHeld: monthSeries(actMonths?.results ?? []), meetingsHeld: monthSeries(meetMonths?.results ?? []) },
    };
  },
};
