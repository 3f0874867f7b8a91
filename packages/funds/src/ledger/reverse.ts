import { eq } from 'drizzle-orm';
import { conflict, newId, notFound, shanghaiDate, writeBatch, type Ctx } from '@ronghe/core';
import { fundEntries, type FundEntryView, type FundReverse } from '@ronghe/schema';
import { assertMayRecord, loadAlliance } from '../shared/scope.ts';
import { entriesAudit, entriesInsert } from '../shared/write.ts';
import { balanceNow } from '../shared/balance-now.ts';
import { entryViews } from './view.ts';

/**
 * A correction (冲正): a new entry of the same kind, source, project and
 * member with the opposite amount, dated today, naming the entry it reverses
 * and why. The ledger never changes; an entry is reversed at most once (its
 * unique `reversal:<id>` source key and `reverses_id`: two people reversing at
 * the same moment — one wins, the other gets 409), and a reversal is never
 * reversed itself (record the entry again instead).
 */
export async function reverseFundEntry({ ctx, input }: { ctx: Ctx; input: { id: string } & FundReverse }): Promise<FundEntryView> {
  const [orig] = await ctx.db.select().from(fundEntries).where(eq(fundEntries.id, input.id));
  if (!orig) throw notFound('经费明细');
  const a = await loadAlliance(ctx, orig.allianceId);
  await assertMayRecord(ctx, a);
  if (orig.reversesId) throw conflict('冲正记录不能再冲正；如需恢复，请重新记账');
  const [already] = await ctx.db.select({ id: fundEntries.id }).from(fundEntries).where(eq(fundEntries.reversesId, orig.id));
  if (already) throw conflict('这条明细已经冲正过，不能再次冲正');
  const now = ctx.clock.now();
  const id = newId('fle', now);
  await writeBatch(ctx.db, [
    entriesInsert(ctx, a.id, [
      {
        id,
        allianceId: a.id,
        kind: orig.kind,
        source: orig.source,
        amountFen: -orig.amountFen,
        projectId: orig.projectId,
        orgId: orig.orgId,
        callId: orig.callId,
        contributionBp: orig.contributionBp,
        occurredOn: shanghaiDate(now),
        voucherNo: orig.voucherNo,
        summary: `冲正：${orig.summary}`.slice(0, 200),
        reversesId: orig.id,
        reason: input.reason,
        sourceKey: `reversal:${orig.id}`,
      },
    ]),
    entriesAudit(ctx, 'fund.reverse', [id]),
  ]);
  const [row] = await ctx.db.select().from(fundEntries).where(eq(fundEntries.id, id));
  if (!row) {
    const [raced] = await ctx.db.select({ id: fundEntries.id }).from(fundEntries).where(eq(fundEntries.reversesId, orig.id));
    throw conflict(raced ? '这条明细已经冲正过，不能再次冲正' : '联合体已不在运行状态，不能冲正');
  }
  // The answer's running balance is the alliance's balance now, with this entry.
  const balance = await balanceNow(ctx, a.id);
  return { ...(await entryViews(ctx, a.id, [row], 0))[0]!, balanceFen: balance };
}
