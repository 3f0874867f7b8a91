import { and, eq } from 'drizzle-orm';
import { auditIfChanged, inList, newId, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { filings, type FilingAcknowledgeManyInput, type FilingView } from '@ronghe/schema';
import { toView } from './list.ts';

/**
 * 批量标记已阅: every selected filing still unread becomes read by the county
 * in one batch, one audit row (and event) per filing that changed. Filings
 * already read, or read by someone else meanwhile, are left as they are —
 * the outcome the reader wanted is there either way.
 */
export async function acknowledgeFilings({ ctx, input }: { ctx: Ctx; input: FilingAcknowledgeManyInput }): Promise<{ acknowledged: number; items: FilingView[] }> {
  const ids = [...new Set(input.ids)];
  const found = await ctx.db.select().from(filings).where(inList(filings.id, ids));
  // One unknown id (or another county's) fails the whole request, as a single open would.
  if (found.length !== ids.length) throw notFound('备案');
  const unread = found.filter((f) => f.countyState === 'unread');
  const now = ctx.clock.now();
  if (unread.length > 0) {
    await writeBatch(
      ctx.db,
      unread.flatMap((f) => [
        ctx.db
          .update(filings)
          .set({ countyState: 'acknowledged', countyAckAt: now, countyAckBy: ctx.actor.displayName, version: f.version + 1 })
          .where(and(eq(filings.id, f.id), eq(filings.countyState, 'unread'))),
        auditIfChanged(ctx, {
          id: newId('aud', now),
          action: 'filing.acknowledge',
          entityType: 'filing',
          entityId: f.id,
          before: { countyState: 'unread' },
          after: { countyState: 'acknowledged' },
        }),
      ]),
    );
  }
  const after = await ctx.db.select().from(filings).where(inList(filings.id, ids));
  const byId = new Map(after.map((f) => [f.id, f]));
  const wasUnread = new Set(unread.map((f) => f.id));
  // Ours are the ones that were unread when we looked and carry our timestamp now.
  const acknowledged = after.filter((f) => wasUnread.has(f.id) && f.countyAckAt === now).length;
  return { acknowledged, items: ids.map((id) => toView(byId.get(id)!)) };
}
