// The signed export of a stored round (issue 12 § 以奖代补): a published round
// as the final table from its frozen lines; a draft as a preview on today's
// facts, marked 草稿（模拟） in the title so it is never filed as final.
import { asc, eq } from 'drizzle-orm';
import { formatFen, shanghaiDate, type Ctx } from '@ronghe/core';
import { ROUND_SUBJECT_LABELS, rewardAllocations } from '@ronghe/schema';
import type { AllocationLine, AllocationMethod, AllocationRules, LineStatus, Recipient, RecipientFacts } from '../allocate/types.ts';
import { computeRound } from '../rounds/compute.ts';
import { methodText, rulesText } from '../rounds/describe.ts';
import type { RoundsEnv } from '../rounds/tenants.ts';
import { loadRound } from '../rounds/view.ts';
import { roundSheetLines, roundWorkbook } from './round-workbook.ts';

export const DRAFT_MARK = '【草稿（模拟）】';

export async function exportRound({ ctx, input, env }: { ctx: Ctx; input: { id: string }; env?: RoundsEnv }): Promise<{ filename: string; bytes: Uint8Array<ArrayBuffer> }> {
  const { round } = await loadRound(ctx, input.id);
  const rules = round.rules as unknown as AllocationRules;
  const method = round.method as unknown as AllocationMethod;
  let lines: Pick<AllocationLine, 'id' | 'name' | 'amountFen' | 'steps' | 'status' | 'demandFen'>[];
  let recipients: Recipient[];
  if (round.status === 'draft') {
    const computed = await computeRound(ctx, round, env);
    lines = computed.allocation.lines;
    recipients = computed.recipients;
  } else {
    const stored = await ctx.db.select().from(rewardAllocations).where(eq(rewardAllocations.roundId, round.id)).orderBy(asc(rewardAllocations.position));
    lines = stored.map((l) => ({ id: l.recipientId, name: l.recipientName, amountFen: l.amountFen, steps: l.steps as AllocationLine['steps'], status: l.lineStatus as LineStatus, demandFen: l.demandFen }));
    recipients = stored.map((l) => ({ id: l.recipientId, name: l.recipientName, facts: l.facts as unknown as RecipientFacts }));
  }
  const draft = round.status === 'draft';
  const base = `${ctx.tenant.name}${round.year}年度${ROUND_SUBJECT_LABELS[round.subject]}以奖代补资金分配表`;
  const bytes = await roundWorkbook({
    title: draft ? `${base}${DRAFT_MARK}` : base,
    subtitle: `${round.name}；预算 ${formatFen(round.budgetFen)}；${methodText(method, rules)}；${rulesText(rules)}`,
    unitHeader: round.subject === 'alliance' ? '党建联合体' : '党支部',
    lines: roundSheetLines({ lines: lines as AllocationLine[] }, recipients),
    preparedOn: shanghaiDate(draft ? ctx.clock.now() : (round.publishedAt ?? ctx.clock.now())),
  });
  return { filename: `${base}${draft ? '（草稿）' : ''}.xlsx`, bytes };
}
