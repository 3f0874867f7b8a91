import { and, desc, eq } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { activeMembersOf, personOfUser } from '@ronghe/people/read';
import { orgNamesById } from '@ronghe/registry/read';
import { pointEntries, pointRules, type MyPointsView } from '@ronghe/schema';
import { periodOf } from '../shared/period.ts';

/** How many of the person's latest entries the member page lists. */
const MY_ENTRIES = 50;

/**
 * 我的积分: the signed-in member's total for a year, rank in the county and
 * in the home branch (competition ranking: 1 + those strictly ahead; no
 * points, no rank), and the latest entries.
 */
export async function myPoints({ ctx, input }: { ctx: Ctx; input: { year?: number } }): Promise<MyPointsView> {
  const me = await personOfUser(ctx, ctx.actor.userId);
  if (!me) throw new AppError('not_found', '当前账号未登记为本旗县区的党员或志愿者，暂无积分');
  const year = input.year ?? periodOf(ctx.clock.now()).year;
  const c = ctx.db.$client;
  const [mine, county, entries, branchMembers, branchName] = await Promise.all([
    // The total and how many are strictly ahead in the county, in one read (index (year, total DESC)).
    c.prepare('SELECT t.total, (SELECT count(*) FROM point_totals o WHERE o.year = t.year AND o.total > t.total) AS ahead FROM point_totals t WHERE t.person_id = ? AND t.year = ?')
      .bind(me.id, year)
      .first<{ total: number; ahead: number }>(),
    c.prepare('SELECT count(*) AS n FROM point_totals WHERE year = ? AND total > 0').bind(year).first<{ n: number }>(),
    ctx.db
      .select({ id: pointEntries.id, ruleName: pointRules.name, kind: pointEntries.kind, points: pointEntries.points, reason: pointEntries.reason, occurredAt: pointEntries.occurredAt, createdAt: pointEntries.createdAt })
      .from(pointEntries)
      .leftJoin(pointRules, eq(pointRules.id, pointEntries.ruleId))
      .where(and(eq(pointEntries.personId, me.id), eq(pointEntries.year, year)))
      .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
      .limit(MY_ENTRIES),
    me.homeOrgId ? activeMembersOf(ctx, me.homeOrgId) : Promise.resolve([]),
    me.homeOrgId ? orgNamesById(ctx, [me.homeOrgId]) : Promise.resolve([]),
  ]);
  const total = mine?.total ?? 0;
  let rankInBranch: number | null = null;
  if (total > 0 && branchMembers.length) {
    const ids = JSON.stringify(branchMembers.map((m) => m.id));
    const b = await c
      .prepare('SELECT count(*) AS n FROM point_totals WHERE year = ? AND total > ? AND person_id IN (SELECT value FROM json_each(?))')
      .bind(year, total, ids)
      .first<{ n: number }>();
    rankInBranch = (b?.n ?? 0) + 1;
  }
  return {
    year,
    total,
    rankInCounty: total > 0 ? mine!.ahead + 1 : null,
    countyPeople: county?.n ?? 0,
    rankInBranch,
    branchPeople: branchMembers.length,
    branchName: branchName[0]?.name ?? null,
    entries,
  };
}
