import { eq } from 'drizzle-orm';
import { conflict, newId, validation, writeBatch, type Ctx } from '@ronghe/core';
import { projectFacts } from '@ronghe/lists/read';
import { fundEntries, type FundEntryCreate, type FundEntryView } from '@ronghe/schema';
import { assertLedgerDate } from '../shared/dates.ts';
import { assertMayRecord, loadAlliance } from '../shared/scope.ts';
import { entriesAudit, entriesInsert, RECORDING_STATUSES } from '../shared/write.ts';
import { balanceNow } from '../shared/balance-now.ts';
import { entryViews } from './view.ts';

/**
 * Records one entry by hand: an income by source (上级拨、各方筹、党费补、其他)
 * or a spending, optionally on a project of THIS alliance. One batch: the
 * entry and its audit row (its `fund_entry.recorded` event follows).
 */
export async function recordFundEntry({ ctx, input }: { ctx: Ctx; input: { allianceId: string } & FundEntryCreate }): Promise<FundEntryView> {
  const a = await loadAlliance(ctx, input.allianceId);
  await assertMayRecord(ctx, a);
  if (!RECORDING_STATUSES.includes(a.status)) throw conflict('联合体尚未成立或已撤销，不能记账');
  assertLedgerDate(ctx, input.occurredOn);
  if (input.projectId) {
    const p = await projectFacts(ctx.db, input.projectId);
    // A project of another alliance (or of no alliance here) is the caller's mistake about this ledger: say which field.
    if (!p || p.allianceId !== a.id) throw validation([{ path: 'body.projectId', message: '该项目不属于本联合体，不能记入本联合体的支出' }]);
  }
  const id = newId('fle', ctx.clock.now());
  await writeBatch(ctx.db, [
    entriesInsert(ctx, a.id, [
      {
        id,
        allianceId: a.id,
        kind: input.kind,
        source: input.kind === 'income' ? input.source! : null,
        amountFen: input.amountFen,
        projectId: input.projectId ?? null,
        orgId: null,
        callId: null,
        contributionBp: null,
        occurredOn: input.occurredOn,
        voucherNo: input.voucherNo || null,
        summary: input.summary,
        reversesId: null,
        reason: null,
        sourceKey: `manual:${id}`,
      },
    ]),
    entriesAudit(ctx, 'fund.record', [id]),
  ]);
  const [row] = await ctx.db.select().from(fundEntries).where(eq(fundEntries.id, id));
  if (!row) throw conflict('联合体已不在运行状态，未能记账');
  // The answer's running balance is the alliance's balance now, with this entry.
  const balance = await balanceNow(ctx, a.id);
  return { ...(await entryViews(ctx, a.id, [row], 0))[0]!, balanceFen: balance };
}
