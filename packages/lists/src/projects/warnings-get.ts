import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { allAllianceRefsQuery, allianceNotDissolved } from '@ronghe/alliance/read';
import { inList, shanghaiDate, type Ctx } from '@ronghe/core';
import { auditLog, needs, projects, type NeedView, type WarningsView } from '@ronghe/schema';
import { grantOrgIds, mayOn } from '../shared/alliance.ts';
import { today } from '../shared/dates.ts';
import { needFilters } from '../needs/list.ts';
import { selectNeeds, viewsOf } from '../needs/view.ts';
import { selectProjects, toSummary } from './view.ts';
import { OPEN_PROJECT } from './state-machine.ts';

/** Alliances "mine": those the person leads or supervises (the matrix decides), or where their organizations hold a claim. */
async function myAllianceIds(ctx: Ctx): Promise<string[]> {
  const orgs = grantOrgIds(ctx);
  const [all, claimed] = await ctx.db.batch([
    allAllianceRefsQuery(ctx, 'mine_committee'),
    ctx.db
      .selectDistinct({ allianceId: projects.allianceId })
      .from(projects)
      .where(sql`EXISTS (SELECT 1 FROM project_claims c WHERE c.project_id = ${projects.id} AND c.status IN ('pending', 'confirmed') AND c.org_id IN (SELECT value FROM json_each(${JSON.stringify(orgs)})))`),
  ]);
  const claimedIn = new Set(claimed.map((r) => r.allianceId));
  return all.filter((a) => claimedIn.has(a.id) || mayOn(ctx, 'project.supervise', a) || mayOn(ctx, 'project.manage', a)).map((a) => a.id);
}

/**
 * The board lists the most urgent few of each kind (red projects, yellow
 * projects, overdue needs); the counts say how many there are, and the project
 * list and 逾期需求复核 page through all of them. Twenty rows each keep the
 * answer a tenth of what a hundred of each weighed (issue 15 § 3).
 */
const SHOWN_BY_DEFAULT = 20;

/** The warnings dashboard: counts of open projects by warning, the red and yellow ones, and the overdue open needs. */
export async function getWarnings({ ctx, input }: { ctx: Ctx; input: { allianceId?: string; level?: 'red' | 'yellow'; mine?: 'true' | 'false'; limit?: number } }): Promise<WarningsView> {
  const t = today(ctx);
  const shown = input.limit ?? SHOWN_BY_DEFAULT;
  const mine = input.mine === 'true' ? await myAllianceIds(ctx) : null;
  // A dissolved alliance's work is never on the board (ADR 0016).
  const scope = (col: typeof projects.allianceId | typeof needs.allianceId): SQL[] => [
    allianceNotDissolved(col),
    ...(input.allianceId ? [eq(col, input.allianceId)] : []),
    ...(mine ? [inList(col, mine)] : []),
  ];
  const open = inArray(projects.status, [...OPEN_PROJECT]);
  const overdueNeed = sql`${needs.deadline} < ${t} AND ${needs.status} IN ('open', 'partly_met')`;
  // One round trip for everything but the place names (issue 15 § 3): the overdue needs are read with the counts,
  // not after them — an empty page costs an index probe.
  // Red, then yellow, each the most overdue first; a level filter leaves the other list empty.
  const level = (warning: 'red' | 'yellow') =>
    selectProjects(ctx)
      .where(and(open, eq(projects.warning, warning), ...scope(projects.allianceId)))
      .orderBy(asc(projects.dueOn), asc(projects.id))
      .limit(input.level && input.level !== warning ? 0 : shown);
  const [counts, redRows, yellowRows, needCount, lastRun, overdueRows] = await ctx.db.batch([
    ctx.db
      .select({ warning: projects.warning, n: sql<number>`count(*)`.mapWith(Number) })
      .from(projects)
      .where(and(open, ...scope(projects.allianceId)))
      .groupBy(projects.warning),
    level('red'),
    level('yellow'),
    ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(needs).where(and(overdueNeed, ...scope(needs.allianceId))),
    ctx.db.select({ at: sql<number | null>`max(${auditLog.at})` }).from(auditLog).where(eq(auditLog.action, 'supervision.run')),
    selectNeeds(ctx)
      .where(and(...needFilters(ctx, { overdue: 'true', allianceId: input.allianceId, allianceIds: mine ?? undefined })))
      .orderBy(desc(needs.createdAt), desc(needs.id))
      .limit(shown),
  ]);
  const rows = [...redRows, ...yellowRows];
  const count = (level: string) => counts.find((c) => c.warning === level)?.n ?? 0;
  const overdueNeeds: NeedView[] = overdueRows.length ? await viewsOf(ctx, overdueRows) : [];
  const lastAt = lastRun[0]?.at;
  return {
    counts: { red: count('red'), yellow: count('yellow'), green: count('green'), overdueNeeds: needCount[0]?.n ?? 0 },
    projects: rows.map((r) => toSummary(ctx, r)),
    overdueNeeds,
    lastRunOn: lastAt ? shanghaiDate(Number(lastAt)) : null,
  };
}
