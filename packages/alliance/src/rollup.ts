import { monthSeries, sqlList, toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';
import { FOUNDED } from './alliances/list.ts';

// The alliance capability's figures for the city's rollup (issue 13, ADR 0022).

/** SQL for another capability's aggregate: the ids of the running (founded, not dissolved) alliances. */
export const runningAllianceIdsSql = (): string => `SELECT id FROM alliances WHERE status IN (${sqlList(FOUNDED)})`;

/** alliances by type, model and status; member organizations of running alliances; filings; alliances founded per month. */
export const allianceRollup: AggregateRead<FiguresPart> = {
  statements: (d1, w) => [
    d1.prepare('SELECT type, model, status, count(*) AS n FROM alliances GROUP BY type, model, status'),
    d1.prepare(
      `SELECT count(*) AS n FROM alliance_members m JOIN alliances a ON a.id = m.alliance_id
       WHERE m.left_on IS NULL AND m.joined_on IS NOT NULL AND a.status IN (${sqlList(FOUNDED)})`,
    ),
    d1.prepare(`SELECT count(*) AS received, coalesce(sum(city_state = 'acknowledged'), 0) AS acknowledged FROM filings`),
    d1
      .prepare(`SELECT substr(founded_on, 1, 7) AS m, count(*) AS n FROM alliances WHERE founded_on >= ?1 AND status <> 'dissolved' GROUP BY m`)
      .bind(`${w.months[0]}-01`),
  ],
  parse: ([groups, members, filings, months]) => {
    const byType: Record<string, number> = {};
    const byModel: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    let total = 0;
    for (const r of groups?.results ?? []) {
      const n = toCount(r.n);
      const status = String(r.status);
      byStatus[status] = (byStatus[status] ?? 0) + n;
      if (status === 'dissolved') continue;
      total += n;
      byType[String(r.type)] = (byType[String(r.type)] ?? 0) + n;
      byModel[String(r.model)] = (byModel[String(r.model)] ?? 0) + n;
    }
    const f = filings?.results[0] ?? {};
    return {
      figures: {
        alliances: { total, byType, byModel, byStatus },
        members: { memberOrgs: toCount(members?.results[0]?.n) },
        filings: { received: toCount(f.received), acknowledgedByCity: toCount(f.acknowledged) },
      },
      months: { alliancesEstablished: monthSeries(months?.results ?? []) },
    };
  },
};

/** The drill-down's alliance rows (not drafts): name, type, model, status and current member organizations. */
export const allianceSummariesStatement = (d1: D1Database) =>
  d1.prepare(
    `SELECT a.id, a.name, a.type, a.model, a.status,
       (SELECT count(*) FROM alliance_members m WHERE m.alliance_id = a.id AND m.left_on IS NULL AND m.joined_on IS NOT NULL) AS memberOrgs
     FROM alliances a WHERE a.status <> 'draft' ORDER BY a.sort_key, a.id`,
  );
