import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { auditGuarded, decodeCursor, encodeCursor, isStaleGuardError, newId, notFound, PAGE_SIZE_DEFAULT, writeBatch, type Ctx } from '@ronghe/core';
import { FILING_KIND_LABELS, filings, type Filing, type FilingKind, type FilingListQuery, type FilingView } from '@ronghe/schema';
import type { AllianceWithScope } from './access.ts';

/** The filing (备案) a decision leaves, addressed to the county and the city organization departments. */
export function filingInsert(
  ctx: Ctx,
  a: Pick<AllianceWithScope, 'id' | 'name' | 'committeeOrgName'>,
  f: { kind: FilingKind; title: string; summary: string; documentId?: string | null; filedOn: string },
) {
  const now = ctx.clock.now();
  const row: Filing = {
    id: newId('fil', now),
    kind: f.kind,
    allianceId: a.id,
    allianceName: a.name,
    committeeName: a.committeeOrgName,
    title: f.title,
    summary: f.summary,
    documentId: f.documentId ?? null,
    filedOn: f.filedOn,
    filedAt: now,
    filedById: ctx.actor.userId,
    filedByName: ctx.actor.displayName,
    countyState: 'unread',
    countyAckAt: null,
    countyAckBy: null,
    cityState: 'unread',
    cityAckAt: null,
    cityAckBy: null,
    version: 1,
  };
  return ctx.db.insert(filings).values(row);
}

function toView(f: Filing): FilingView {
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
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    total: totals[0]?.total ?? 0,
    unread: totals[0]?.unread ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}

/** Marks a filing read by the county. Acknowledging twice is harmless and writes nothing. */
export async function acknowledgeFiling({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<FilingView> {
  const current = await ctx.db.query.filings.findFirst({ where: eq(filings.id, input.id) });
  if (!current) throw notFound('备案');
  if (current.countyState === 'acknowledged') return toView(current);
  const now = ctx.clock.now();
  const next: Filing = { ...current, countyState: 'acknowledged', countyAckAt: now, countyAckBy: ctx.actor.displayName, version: current.version + 1 };
  try {
    await writeBatch(ctx.db, [
      ctx.db
        .update(filings)
        .set({ countyState: 'acknowledged', countyAckAt: now, countyAckBy: ctx.actor.displayName, version: next.version })
        .where(and(eq(filings.id, current.id), eq(filings.countyState, 'unread'))),
      auditGuarded(ctx, { action: 'filing.acknowledge', entityType: 'filing', entityId: current.id, before: { countyState: 'unread' }, after: { countyState: 'acknowledged' } }),
    ]);
  } catch (err) {
    // Someone acknowledged it between our read and write: the outcome they wanted is there.
    if (!isStaleGuardError(err)) throw err;
    const again = await ctx.db.query.filings.findFirst({ where: eq(filings.id, input.id) });
    return toView(again!);
  }
  return toView(next);
}
