import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, keysetPage, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import { FILING_KIND_LABELS, filings, type Filing, type FilingListQuery, type FilingView } from '@ronghe/schema';

export function toView(f: Filing): FilingView {
  return {
    id: f.id,
    kind: f.kind,
    kindLabel: FILING_KIND_LABELS[f.kind],
    allianceId: f.allianceId,
    allianceName: f.allianceName,
    committeeName: f.committeeName,
    title: f.title,
    summary: f.summary,
    documentId: f.documentId,
    filedOn: f.filedOn,
    filedAt: f.filedAt,
    filedByName: f.filedByName,
    countyState: f.countyState,
    countyAckAt: f.countyAckAt,
    countyAckBy: f.countyAckBy,
    cityState: f.cityState,
    cityAckAt: f.cityAckAt,
    cityAckBy: f.cityAckBy,
    version: f.version,
  };
}

/** The county organization department's filing inbox, newest first. */
export async function listFilings({ ctx, input }: { ctx: Ctx; input: FilingListQuery }) {
  const where: SQL[] = [];
  if (input.kind) where.push(eq(filings.kind, input.kind));
  if (input.state) where.push(eq(filings.countyState, input.state));
  if (input.allianceId) where.push(eq(filings.allianceId, input.allianceId));
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) pageWhere.push(lt(filings.id, String(decodeCursor(input.cursor, 1)[0])));
  const [rows, totals] = await ctx.db.batch([
    ctx.db
      .select()
      .from(filings)
      .where(and(...pageWhere))
      .orderBy(desc(filings.id))
      .limit(limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)`.mapWith(Number), unread: sql<number>`coalesce(sum(${filings.countyState} = 'unread'), 0)`.mapWith(Number) })
      .from(filings)
      .where(and(...where)),
  ]);
  const { page, nextCursor } = keysetPage(rows, limit, (r) => [r.id]);
  return { items: page.map(toView), total: totals[0]?.total ?? 0, unread: totals[0]?.unread ?? 0, nextCursor };
}
