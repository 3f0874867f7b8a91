import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { allAllianceRefsQuery, allianceNotDissolved } from '@ronghe/alliance/read';
import { inBoundList, ph, preparedRead, runPreparedReads, shanghaiDate, type Ctx, type PreparedRead } from '@ronghe/core';
import { auditLog, needs, projects, type NeedView, type WarningsView } from '@ronghe/schema';
import { grantOrgIds, mayOn } from '../shared/alliance.ts';
import { today } from '../shared/dates.ts';
import { overdueNeedSql } from '../needs/overdue.ts';
import { selectNeeds, viewsWithPlaces, type NeedRow } from '../needs/view.ts';
import { CountedCache, countsRead, versionsOf, type CountedTable } from '../shared/counted-cache.ts';
import { pagePlaceNamesRead, placeNamesOf } from '../places/names.ts';
import { selectProjects, toSummary, type ProjectRow } from './view.ts';
import { OPEN_PROJECT } from './state-machine.ts';

/** Alliances "mine": those the person leads or supervises (the matrix decides), or where their organizations hold a claim. */
async function myAllianceIds(ctx: Ctx): Promise<string[]> {
  const [all, claimed] = await runPreparedReads(ctx.db, [
    preparedRead(ctx.db, 'warnings.mine.alliances', () => allAllianceRefsQuery(ctx, 'mine_committee')),
    preparedRead(
      ctx.db,
      'warnings.mine.claimed',
      () =>
        ctx.db
          .selectDistinct({ allianceId: projects.allianceId })
          .from(projects)
          .where(sql`EXISTS (SELECT 1 FROM project_claims c WHERE c.project_id = ${projects.id} AND c.status IN ('pending', 'confirmed') AND ${inBoundList(sql.raw('c.org_id'), 'orgs')})`),
      { orgs: JSON.stringify(grantOrgIds(ctx)) },
    ),
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

/**
 * The board's statements differ only by which filters are present: this key
 * spells each of them, never a value (every value is a placeholder), so each
 * statement is built once per shape and isolate (ADR 0032).
 */
export function warningsShape(input: { allianceId?: string; mine: boolean }): string {
  return [input.allianceId ? 'alliance' : '', input.mine ? 'mine' : ''].filter(Boolean).join(',');
}

/** What the board's rows are read from: a change to any of them is seen by the next request (ADR 0034). */
export const BOARD_TABLES: readonly CountedTable[] = ['alliances', 'list_categories', 'needs', 'organizations', 'project_claims', 'projects'];

/** The board's statements' rows, as read: views (which depend on who asks) are made from them per request. */
export type BoardRows = readonly [Array<{ n: number }>, NeedRow[], Array<{ code: string | null; name: string }>, Array<{ warning: string | null; n: number }>, ...ProjectRow[][]];

/** Boards kept per isolate: one per county, filter and day, a few tens of KB each. */
export const boardCache = new CountedCache<BoardRows>(64);

/** The warnings dashboard: counts of open projects by warning, the red and yellow ones, and the overdue open needs. */
export async function getWarnings({
  ctx,
  input,
  cache = boardCache,
}: {
  ctx: Ctx;
  input: { allianceId?: string; level?: 'red' | 'yellow'; mine?: 'true' | 'false'; limit?: number };
  cache?: CountedCache<BoardRows>;
}): Promise<WarningsView> {
  const mine = input.mine === 'true' ? await myAllianceIds(ctx) : null;
  const { key, board } = boardReads(ctx, input, mine);
  // The last run is an audit row (not a counted table): read on every request, as are the change counts. The rest
  // is kept per isolate under the counts of BOARD_TABLES (ADR 0034), keyed by everything the statements bind.
  const lastRunRead = preparedRead(ctx.db, 'warnings.lastRun', () => ctx.db.select({ at: sql<number | null>`max(${auditLog.at})` }).from(auditLog).where(eq(auditLog.action, 'supervision.run')));
  // A kept board: the first batch is the counts and the last run alone. None: everything, in that same batch.
  const kept = cache.has(key);
  const [counted, lastRun, ...read] = await runPreparedReads(ctx.db, [countsRead(ctx), lastRunRead, ...(kept ? [] : board())]);
  const versions = versionsOf(counted, BOARD_TABLES);
  let rows: BoardRows | undefined;
  if (kept) rows = cache.get(key, versions);
  else cache.set(key, versions, (rows = read as unknown as BoardRows));
  if (!rows) {
    // Kept under other counts: the counts and the rows of one more batch, kept under the counts they were read with.
    const [again, ...fresh] = await runPreparedReads(ctx.db, [countsRead(ctx), ...board()]);
    rows = fresh as unknown as BoardRows;
    cache.set(key, versionsOf(again, BOARD_TABLES), rows);
  }
  const [needCount, overdueRows, placeRows, counts, ...levelRows] = rows;
  const count = (level: string) => counts.find((c) => c.warning === level)?.n ?? 0;
  const overdue: NeedView[] = viewsWithPlaces(ctx, overdueRows, placeNamesOf(placeRows));
  const lastAt = lastRun[0]?.at;
  return {
    counts: { red: count('red'), yellow: count('yellow'), green: count('green'), overdueNeeds: needCount[0]?.n ?? 0 },
    projects: levelRows.flat().map((r) => toSummary(ctx, r)),
    overdueNeeds: overdue,
    lastRunOn: lastAt ? shanghaiDate(Number(lastAt)) : null,
  };
}

/**
 * The board's kept statements for one request (the overdue needs' count, page and places, the counts by light,
 * the red and yellow pages) and the cache key that names everything they bind. Exported for the check that they
 * read counted tables only (counted-reads.node.test.ts).
 */
export function boardReads(ctx: Ctx, input: { allianceId?: string; level?: 'red' | 'yellow'; limit?: number }, mine: string[] | null) {
  const shape = warningsShape({ allianceId: input.allianceId, mine: !!mine });
  const values: Record<string, unknown> = { today: today(ctx), limit: input.limit ?? SHOWN_BY_DEFAULT };
  if (input.allianceId) values.allianceId = input.allianceId;
  if (mine) values.mine = JSON.stringify(mine);
  const read = <B extends PromiseLike<unknown> & { prepare(): unknown }>(name: string, build: () => B) => preparedRead(ctx.db, `warnings.${name}:${shape}`, build, values);
  // A dissolved alliance's work is never on the board (ADR 0016).
  const scope = (col: typeof projects.allianceId | typeof needs.allianceId): SQL[] => [
    allianceNotDissolved(col),
    ...(input.allianceId ? [eq(col, ph('allianceId'))] : []),
    ...(mine ? [inBoundList(col, 'mine')] : []),
  ];
  const open = inArray(projects.status, [...OPEN_PROJECT]);
  // Overdue means still waiting (the need list's `overdue=true`): the count and the page share it.
  const overdueNeeds = () => and(overdueNeedSql(ph('today')), ...scope(needs.allianceId));
  // The newest overdue needs' ids: the page, and the places it names.
  const overduePage = () => ctx.db.select({ id: needs.id }).from(needs).where(overdueNeeds()).orderBy(desc(needs.createdAt), desc(needs.id)).limit(ph('limit'));
  // Red, then yellow, each the most overdue first; a level filter leaves the other light out of the batch.
  const level = (warning: 'red' | 'yellow'): PreparedRead<ProjectRow[]> =>
    read(warning, () =>
      selectProjects(ctx)
        .where(and(open, eq(projects.warning, warning), ...scope(projects.allianceId)))
        .orderBy(asc(projects.dueOn), asc(projects.id))
        .limit(ph('limit')),
    );
  const levels = (['red', 'yellow'] as const).filter((w) => !input.level || input.level === w).map(level);
  // One round trip for everything (issue 15 § 3): the overdue needs and their places are read with the counts,
  // not after them — an empty page costs an index probe.
  const board = () =>
    [
      read('needCount', () => ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(needs).where(overdueNeeds())),
      // The page's ids first, from the needs alone, then the joins for those few: joined before the sort, every
      // overdue need (592 of them on 红山区 at ×10) paid four lookups only to be cut to twenty — 2.4 ms of SQLite's CPU
      // against 0.7 ms this way.
      read('overdue', () => selectNeeds(ctx).where(inArray(needs.id, overduePage())).orderBy(desc(needs.createdAt), desc(needs.id))),
      // The page's place names in the same round trip, from the same ids.
      pagePlaceNamesRead(ctx, `warnings.overdue:${shape}`, () => sql`${overduePage()}`, values),
      read('counts', () =>
        ctx.db
          .select({ warning: projects.warning, n: sql<number>`count(*)`.mapWith(Number) })
          .from(projects)
          .where(and(open, ...scope(projects.allianceId)))
          .groupBy(projects.warning),
      ),
      ...levels,
    ] as const;
  const key = JSON.stringify([ctx.tenant.slug, shape, input.level ?? null, values]);
  return { key, board };
}
