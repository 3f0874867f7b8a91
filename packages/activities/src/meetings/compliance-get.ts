import { sql } from 'drizzle-orm';
import { shanghaiDate, type Ctx } from '@ronghe/core';
import { allAllianceRefsQuery } from '@ronghe/alliance/read';
import type { MeetingComplianceQuery, MeetingComplianceView } from '@ronghe/schema';
import { quarterStates } from './quarters.ts';
import { MEETING_OPEN } from './create.ts';

/**
 * Per running alliance and year: quarters with a joint meeting, missed quarters
 * (ended without one) and the open quarter. One grouped read of the meetings.
 */
export async function getMeetingCompliance({ ctx, input }: { ctx: Ctx; input: MeetingComplianceQuery }): Promise<{ items: MeetingComplianceView[]; total: number }> {
  const today = shanghaiDate(ctx.clock.now());
  const [alliances, counts] = await Promise.all([
    allAllianceRefsQuery(ctx, 'mtg_committee'),
    ctx.db.all<{ allianceId: string; q: number; n: number }>(sql`
      SELECT alliance_id AS allianceId, (CAST(substr(held_on, 6, 2) AS INTEGER) + 2) / 3 AS q, count(*) AS n
      FROM meetings WHERE held_on >= ${`${input.year}-01-01`} AND held_on <= ${`${input.year}-12-31`}
      GROUP BY alliance_id, q`),
  ]);
  const perAlliance = new Map<string, Map<number, number>>();
  for (const c of counts) {
    const m = perAlliance.get(c.allianceId) ?? new Map<number, number>();
    m.set(Number(c.q), Number(c.n));
    perAlliance.set(c.allianceId, m);
  }
  const rows = alliances
    .filter((a) => MEETING_OPEN.includes(a.status))
    .sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'))
    .map((a) => {
      const quarters = quarterStates(input.year, today, perAlliance.get(a.id) ?? new Map());
      return { allianceId: a.id, allianceName: a.name, year: input.year, quarters, missed: quarters.filter((q) => q.state === 'missed').length };
    })
    .filter((r) => input.missedOnly !== 'true' || r.missed > 0);
  const limit = input.limit ?? 20;
  const offset = ((input.page ?? 1) - 1) * limit;
  return { items: rows.slice(offset, offset + limit), total: rows.length };
}
