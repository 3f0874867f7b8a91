import { AppError, auditInsert, writeBatch, type Ctx } from '@ronghe/core';
import { rewardRounds, type RoundView } from '@ronghe/schema';
import { draftRow } from './create.ts';
import { auditOfRound, loadRound, roundView } from './view.ts';

const UNIQUE = /UNIQUE constraint failed: reward_rounds\.corrects_round_id/;

/**
 * A correction of a published round: a new draft with the same settings that
 * names the round it corrects and why. The published round stays as it was.
 * One correction per round (unique index): correcting again means correcting
 * the correction.
 */
export async function correctRound({ ctx, input }: { ctx: Ctx; input: { id: string; reason: string } }): Promise<RoundView> {
  const { round, correctedBy } = await loadRound(ctx, input.id);
  if (round.status !== 'published') throw new AppError('conflict', '草稿轮次可直接修改，无需更正');
  if (correctedBy) throw new AppError('conflict', '该轮次已有更正轮次；如需再次更正，请更正最新的轮次');
  const row = draftRow(ctx, { level: round.level, year: round.year, subject: round.subject, budgetFen: round.budgetFen, method: round.method, rules: round.rules, name: `${round.name}（更正）`.slice(0, 60), note: input.reason, correctsRoundId: round.id, matching: round.matching });

  try {
    await writeBatch(ctx.db, [
      ctx.db.insert(rewardRounds).values(row),
      auditInsert(ctx, { action: 'reward_round.correct', entityType: 'reward_round', entityId: row.id, after: { ...auditOfRound(row), correctsRoundId: round.id, reason: input.reason } }),
    ]);
  } catch (err) {
    if (UNIQUE.test(String((err as Error)?.message ?? err) + String((err as { cause?: Error })?.cause?.message ?? ''))) throw new AppError('conflict', '该轮次已有更正轮次；如需再次更正，请更正最新的轮次');
    throw err;
  }
  return roundView(row, null);
}
