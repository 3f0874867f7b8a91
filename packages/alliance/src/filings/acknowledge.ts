import { and, eq } from 'drizzle-orm';
import { auditGuarded, isStaleGuardError, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { filings, type Filing, type FilingView } from '@ronghe/schema';
import { toView } from './list.ts';

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
