import { eq } from 'drizzle-orm';
import { memberContributions } from '@ronghe/alliance/read';
import { conflict, newId, writeBatch, type Ctx } from '@ronghe/core';
import { fundEntries, type ContributionCall, type ContributionCallResult } from '@ronghe/schema';
import { assertLedgerDate } from '../shared/dates.ts';
import { assertMayRecord, loadAlliance } from '../shared/scope.ts';
import { entriesAudit, entriesInsert, RECORDING_STATUSES, type EntryDraft } from '../shared/write.ts';
import { splitByContribution } from './split.ts';

/**
 * 各方筹 (seed 003 mechanism 5): one amount raised from the current members
 * by their 出资比例 — one income entry (source 各方筹) per member with a
 * positive ratio, the parts summing exactly to the amount (largest remainder,
 * deterministic tie-break; see split.ts). Ratios that do not sum to 10,000 are
 * scaled to their own total and the answer says so. One batch: every part
 * and its audit row (one `fund_entry.recorded` event per part).
 */
export async function callContributions({ ctx, input }: { ctx: Ctx; input: { allianceId: string } & ContributionCall }): Promise<ContributionCallResult> {
  const a = await loadAlliance(ctx, input.allianceId);
  await assertMayRecord(ctx, a);
  if (!RECORDING_STATUSES.includes(a.status)) throw conflict('联合体尚未成立或已撤销，不能记账');
  assertLedgerDate(ctx, input.occurredOn);
  const members = await memberContributions(ctx, a.id);
  const split = splitByContribution(
    input.amountFen,
    members.map((m) => ({ orgId: m.orgId, bp: m.contributionBp })),
  );
  if (!split.parts.length) throw conflict('成员单位均未约定出资比例（均为 0），无法按比例筹集；请先在联合体成员中约定出资比例');
  const now = ctx.clock.now();
  const callId = newId('fcl', now);
  const name = new Map(members.map((m) => [m.orgId, m.name]));
  const parts = split.parts.filter((p) => p.fen > 0).map((p, i) => ({ ...p, entryId: newId('fle', now + i) }));
  const drafts: EntryDraft[] = parts.map((p) => ({
    id: p.entryId,
    allianceId: a.id,
    kind: 'income',
    source: 'contribution',
    amountFen: p.fen,
    projectId: null,
    orgId: p.orgId,
    callId,
    contributionBp: p.bp,
    occurredOn: input.occurredOn,
    voucherNo: input.voucherNo || null,
    summary: input.summary,
    reversesId: null,
    reason: null,
    sourceKey: `call:${callId}:${p.orgId}`,
  }));
  await writeBatch(ctx.db, [entriesInsert(ctx, a.id, drafts), entriesAudit(ctx, 'fund.contribution_call', drafts.map((d) => d.id))]);
  const written = await ctx.db.select({ id: fundEntries.id }).from(fundEntries).where(eq(fundEntries.callId, callId));
  if (written.length !== drafts.length) throw conflict('联合体已不在运行状态，未能记账');
  const byOrg = new Map(parts.map((p) => [p.orgId, p.entryId]));
  return {
    callId,
    amountFen: input.amountFen,
    bpTotal: split.bpTotal,
    scaled: split.scaled,
    parts: split.parts.map((p) => ({ orgId: p.orgId, orgName: name.get(p.orgId) ?? '', contributionBp: p.bp, amountFen: p.fen, entryId: byOrg.get(p.orgId) ?? null })),
  };
}
