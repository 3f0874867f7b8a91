import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, keysetPage, nameContains, textContains, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import { PROJECT_BOARD_STATUSES, projects, type ProjectBoardQuery, type ProjectListQuery } from '@ronghe/schema';
import { today } from '../shared/dates.ts';
import { selectProjects, toSummary } from './view.ts';

const OPEN_SQL = sql`('proposed', 'claimed', 'in_progress')`;

export function projectFilters(ctx: Ctx, input: Omit<ProjectListQuery, 'cursor' | 'limit'>): SQL[] {
  const where: SQL[] = [];
  if (input.allianceId) where.push(eq(projects.allianceId, input.allianceId));
  if (input.status) where.push(eq(projects.status, input.status));
  if (input.warning) where.push(eq(projects.warning, input.warning));
  if (input.claimOrgId) {
    where.push(sql`EXISTS (SELECT 1 FROM project_claims c WHERE c.project_id = ${projects.id} AND c.org_id = ${input.claimOrgId} AND c.status IN ('pending', 'confirmed'))`);
  }
  if (input.overdue === 'true') where.push(sql`${projects.dueOn} < ${today(ctx)} AND ${projects.status} IN ${OPEN_SQL}`);
  if (input.overdue === 'false') where.push(sql`NOT (${projects.dueOn} < ${today(ctx)} AND ${projects.status} IN ${OPEN_SQL})`);
  if (input.q) {
    // Any length (ADR 0014): the title through its trigram index, the rest by instr().
    where.push(or(nameContains('projects', projects, projects.title, input.q), textContains(projects.description, input.q), textContains(projects.ownerName, input.q))!);
  }
  return where;
}

/** The keyset condition after a cursor of the newest-first project order (created_at, id); none without a cursor. */
export function projectsAfter(cursor: string | undefined): SQL[] {
  if (!cursor) return [];
  const [at, id] = decodeCursor(cursor, 2);
  return [or(lt(projects.createdAt, Number(at)), and(eq(projects.createdAt, Number(at)), lt(projects.id, String(id))))!];
}

/** Newest first, keyset on (created_at, id), with the total of the filtered list. */
export async function listProjects({ ctx, input }: { ctx: Ctx; input: ProjectListQuery }) {
  const where = projectFilters(ctx, input);
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where, ...projectsAfter(input.cursor)];
  const [rows, totals] = await ctx.db.batch([
    selectProjects(ctx)
      .where(and(...pageWhere))
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit + 1),
    ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(projects).where(and(...where)),
  ]);
  const { page, nextCursor } = keysetPage(rows, limit, (r) => [r.p.createdAt, r.p.id]);
  return { items: page.map((r) => toSummary(ctx, r)), total: totals[0]?.total ?? 0, nextCursor };
}

/**
 * The board: each column's first page (as `listProjects` with that status) and its total, in one
 * D1 batch — one request instead of one per column (docs/adr/0031). A column's next page is the
 * list's, with the column's status and cursor.
 */
export async function projectBoard({ ctx, input }: { ctx: Ctx; input: ProjectBoardQuery }) {
  const where = projectFilters(ctx, input);
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pages = PROJECT_BOARD_STATUSES.map((status) =>
    selectProjects(ctx)
      .where(and(...where, eq(projects.status, status)))
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit + 1),
  );
  const counts = ctx.db
    .select({ status: projects.status, total: sql<number>`count(*)`.mapWith(Number) })
    .from(projects)
    .where(and(...where))
    .groupBy(projects.status);
  const [totals, ...rows] = await ctx.db.batch([counts, ...pages]);
  const totalOf = new Map(totals.map((t) => [t.status, t.total]));
  return {
    columns: PROJECT_BOARD_STATUSES.map((status, i) => {
      const { page, nextCursor } = keysetPage(rows[i]!, limit, (r) => [r.p.createdAt, r.p.id]);
      return { status, items: page.map((r) => toSummary(ctx, r)), total: totalOf.get(status) ?? 0, nextCursor };
    }),
  };
}
