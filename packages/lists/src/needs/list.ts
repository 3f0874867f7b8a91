import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { allianceNotDissolved } from '@ronghe/alliance/read';
import { decodeCursor, encodeCursor, inList, nameContains, textContains, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import { needs, type NeedListQuery, type NeedStatus, type NeedView } from '@ronghe/schema';
import { today } from '../shared/dates.ts';
import { overdueNeedSql } from './overdue.ts';
import { selectNeeds, viewsOf } from './view.ts';

/**
 * Filters only some callers use: `allianceIds` narrows to a set of alliances (the warnings dashboard's "mine");
 * `statuses` to several states and `streetCode`/`gridName` to a place (the public API, ADR 0029).
 */
export interface NeedExtraFilters {
  allianceIds?: readonly string[];
  statuses?: readonly NeedStatus[];
  streetCode?: string;
  gridName?: string;
}

/** List filters, plus the extra ones above. */
export function needFilters(ctx: Ctx, input: Omit<NeedListQuery, 'cursor' | 'limit'> & NeedExtraFilters): SQL[] {
  const where: SQL[] = [];
  if (input.statuses) where.push(inList(needs.status, input.statuses));
  if (input.streetCode) where.push(eq(needs.streetCode, input.streetCode));
  if (input.gridName) where.push(eq(needs.gridName, input.gridName));
  if (input.allianceId) where.push(eq(needs.allianceId, input.allianceId));
  if (input.allianceIds) where.push(inList(needs.allianceId, input.allianceIds));
  if (input.status) where.push(eq(needs.status, input.status));
  if (input.categoryId) where.push(eq(needs.categoryId, input.categoryId));
  if (input.source) where.push(eq(needs.source, input.source));
  if (input.urgency) where.push(eq(needs.urgency, input.urgency));
  if (input.communityCode) where.push(eq(needs.communityCode, input.communityCode));
  if (input.raisedByOrgId) where.push(eq(needs.raisedByOrgId, input.raisedByOrgId));
  // Overdue means still waiting: a dissolved alliance's needs wait for nobody (ADR 0016).
  if (input.overdue === 'true') where.push(overdueNeedSql(today(ctx)), allianceNotDissolved(needs.allianceId));
  if (input.overdue === 'false') where.push(sql`NOT (${overdueNeedSql(today(ctx))})`);
  if (input.q) {
    // Any length (ADR 0014): the title through its trigram index, the rest by instr().
    where.push(or(nameContains('needs', needs, needs.title, input.q), textContains(needs.description, input.q), textContains(needs.raiserName, input.q))!);
  }
  return where;
}

/** Newest first, keyset on (created_at, id). */
export async function listNeeds({ ctx, input }: { ctx: Ctx; input: NeedListQuery & NeedExtraFilters }) {
  const where = needFilters(ctx, input);
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [number, string];
    pageWhere.push(or(lt(needs.createdAt, Number(at)), and(eq(needs.createdAt, Number(at)), lt(needs.id, String(id))))!);
  }
  const [rows, totals] = await ctx.db.batch([
    selectNeeds(ctx)
      .where(and(...pageWhere))
      .orderBy(desc(needs.createdAt), desc(needs.id))
      .limit(limit + 1),
    ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(needs).where(and(...where)),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await viewsOf(ctx, page),
    total: totals[0]?.total ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.n.createdAt, last.n.id]) : null,
  };
}

/** Every need matching the filters (for the Excel export), capped. */
export async function allNeeds(ctx: Ctx, input: Omit<NeedListQuery, 'cursor' | 'limit'> & { allianceIds?: readonly string[] }, cap = 20000): Promise<NeedView[]> {
  const rows = await selectNeeds(ctx)
    .where(and(...needFilters(ctx, input)))
    .orderBy(desc(needs.createdAt), desc(needs.id))
    .limit(cap);
  return viewsOf(ctx, rows);
}
