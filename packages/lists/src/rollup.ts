import { monthSeries, shanghaiMonthSql, sqlList, toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';
import { OPEN_PROJECT } from './projects/state-machine.ts';

// The lists' figures for the city's rollup (issue 13, ADR 0022).
const OPEN_NEED = ['open', 'partly_met'];
const DONE = ['completed', 'accepted'];

/** needs open/met by category; projects by status, open, overdue, completed (on time); needs met and projects completed per month. */
export const listsRollup: AggregateRead<FiguresPart> = {
  statements: (d1, w) => [
    d1.prepare(
      `SELECT category_id AS c, coalesce(sum(status IN (${sqlList(OPEN_NEED)})), 0) AS open, coalesce(sum(status = 'met'), 0) AS met
       FROM needs GROUP BY category_id`,
    ),
    d1
      .prepare(
        `SELECT status, count(*) AS n,
           coalesce(sum(status IN (${sqlList(OPEN_PROJECT)}) AND due_on < ?1), 0) AS overdue,
           coalesce(sum(status IN (${sqlList(DONE)}) AND completed_on IS NOT NULL AND completed_on <= due_on), 0) AS onTime
         FROM projects GROUP BY status`,
      )
      .bind(w.today),
    // A need's month of being met is the month of its last change (the change that met it).
    d1.prepare(`SELECT ${shanghaiMonthSql('updated_at')} AS m, count(*) AS n FROM needs WHERE status = 'met' AND updated_at >= ?1 GROUP BY m`).bind(w.fromMs),
    d1
      .prepare(`SELECT substr(completed_on, 1, 7) AS m, count(*) AS n FROM projects WHERE status IN (${sqlList(DONE)}) AND completed_on >= ?1 GROUP BY m`)
      .bind(`${w.months[0]}-01`),
  ],
  parse: ([needs, projects, needsMet, done]) => {
    const byCategory: Record<string, { open: number; met: number }> = {};
    let open = 0;
    let met = 0;
    for (const r of needs?.results ?? []) {
      const o = toCount(r.open);
      const m = toCount(r.met);
      if (o || m) byCategory[String(r.c)] = { open: o, met: m };
      open += o;
      met += m;
    }
    const byStatus: Record<string, number> = {};
    let overdue = 0;
    let completedOnTime = 0;
    for (const r of projects?.results ?? []) {
      byStatus[String(r.status)] = toCount(r.n);
      overdue += toCount(r.overdue);
      completedOnTime += toCount(r.onTime);
    }
    const sum = (list: readonly string[]) => list.reduce((a, s) => a + (byStatus[s] ?? 0), 0);
    return {
      figures: {
        needs: { open, met, byCategory },
        projects: { byStatus, open: sum(OPEN_PROJECT), overdue, completed: sum(DONE), completedOnTime },
      },
      months: { needsMet: monthSeries(needsMet?.results ?? []), projectsCompleted: monthSeries(done?.results ?? []) },
    };
  },
};

/** The drill-down: per alliance, needs open/met and projects open/completed. */
export const allianceListSummariesStatement = (d1: D1Database) =>
  d1.prepare(
    `SELECT alliance_id AS id, sum(needsOpen) AS needsOpen, sum(needsMet) AS needsMet, sum(projectsOpen) AS projectsOpen, sum(projectsCompleted) AS projectsCompleted FROM (
       SELECT alliance_id, (status IN (${sqlList(OPEN_NEED)})) AS needsOpen, (status = 'met') AS needsMet, 0 AS projectsOpen, 0 AS projectsCompleted FROM needs
       UNION ALL
       SELECT alliance_id, 0, 0, (status IN (${sqlList(OPEN_PROJECT)})), (status IN (${sqlList(DONE)})) FROM projects
     ) GROUP BY alliance_id`,
  );
