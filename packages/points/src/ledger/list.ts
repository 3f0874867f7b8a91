import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import { pointEntries, type PointEntryListQuery, type PointEntryView } from '@ronghe/schema';
import { entryViews } from './view.ts';

/** The ledger, newest first, filtered by year, month, person, rule and kind; keyset pages. */
export async function listPointEntries({ ctx, input }: { ctx: Ctx; input: PointEntryListQuery }): Promise<{ items: PointEntryView[]; nextCursor: string | null }> {
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const where: SQL[] = [];
  if (input.year !== undefined) where.push(eq(pointEntries.year, input.year));
  if (input.month !== undefined) where.push(eq(pointEntries.month, input.month));
  if (input.personId) where.push(eq(pointEntries.personId, input.personId));
  if (input.ruleCode) where.push(eq(pointEntries.ruleCode, input.ruleCode));
  if (input.kind) where.push(eq(pointEntries.kind, input.kind));
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [number, string];
    where.push(or(lt(pointEntries.createdAt, Number(at)), and(eq(pointEntries.createdAt, Number(at)), lt(pointEntries.id, String(id))))!);
  }
  const rows = await ctx.db
    .select()
    .from(pointEntries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: await entryViews(ctx, page), nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}
