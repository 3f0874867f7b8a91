import { sql } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';

/** What the annual assessment (issue 12) counts of an alliance's lists in a year. */
export interface AllianceListFigures {
  /** Projects completed (完成 or 验收) with a completion date in the year. */
  projectsCompleted: number;
  /** … of which completed on or before their due date. */
  projectsOnTime: number;
  /** Needs received in the year (Shanghai dates), withdrawn ones aside. */
  needsReceived: number;
  /** … of which fully met. */
  needsMet: number;
  /** Needs still open past their deadline, as of `cutoff`. */
  overdueNeeds: number;
  /** Projects not yet completed past their due date, as of `cutoff`. */
  overdueProjects: number;
}

/**
 * One round trip of counts. `cutoff` is the assessment's reference date: the
 * year's last day, or today while the year runs. A need received on 31
 * December Shanghai time counts in that year (the bounds are Shanghai midnights).
 */
export async function allianceListFigures(ctx: Ctx, allianceId: string, year: number, cutoff: string): Promise<AllianceListFigures> {
  const from = Date.UTC(year, 0, 1) - 8 * 3_600_000;
  const to = Date.UTC(year + 1, 0, 1) - 8 * 3_600_000;
  const row = await ctx.db.get<Record<keyof AllianceListFigures, number>>(sql`
    SELECT
      (SELECT count(*) FROM projects WHERE alliance_id = ${allianceId} AND status IN ('completed', 'accepted') AND completed_on >= ${`${year}-01-01`} AND completed_on <= ${`${year}-12-31`}) AS projectsCompleted,
      (SELECT count(*) FROM projects WHERE alliance_id = ${allianceId} AND status IN ('completed', 'accepted') AND completed_on >= ${`${year}-01-01`} AND completed_on <= ${`${year}-12-31`} AND completed_on <= due_on) AS projectsOnTime,
      (SELECT count(*) FROM needs WHERE alliance_id = ${allianceId} AND status <> 'cancelled' AND created_at >= ${from} AND created_at < ${to}) AS needsReceived,
      (SELECT count(*) FROM needs WHERE alliance_id = ${allianceId} AND status <> 'cancelled' AND created_at >= ${from} AND created_at < ${to} AND fulfilled_qty >= quantity) AS needsMet,
      (SELECT count(*) FROM needs WHERE alliance_id = ${allianceId} AND status IN ('open', 'partly_met') AND deadline < ${cutoff}) AS overdueNeeds,
      (SELECT count(*) FROM projects WHERE alliance_id = ${allianceId} AND status IN ('proposed', 'claimed', 'in_progress') AND due_on < ${cutoff}) AS overdueProjects`);
  return {
    projectsCompleted: Number(row?.projectsCompleted ?? 0),
    projectsOnTime: Number(row?.projectsOnTime ?? 0),
    needsReceived: Number(row?.needsReceived ?? 0),
    needsMet: Number(row?.needsMet ?? 0),
    overdueNeeds: Number(row?.overdueNeeds ?? 0),
    overdueProjects: Number(row?.overdueProjects ?? 0),
  };
}
