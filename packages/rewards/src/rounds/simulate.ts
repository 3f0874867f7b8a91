import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { rewardRounds, type AllocationTableView } from '@ronghe/schema';
import type { AllocationRules } from '../allocate/types.ts';
import { computeRound } from './compute.ts';
import { diffOf, linesOf } from './lines.ts';
import type { RoundsEnv } from './tenants.ts';
import { loadRound, roundView } from './view.ts';

/**
 * Simulate a draft round on today's facts: the whole table with every
 * amount's explanation, and what changed since the previous simulation. The
 * simulation is kept (compactly) as the one the next is compared with and the
 * one publishing must match; the round's settings are not touched.
 */
export async function simulateRound({ ctx, input, env }: { ctx: Ctx; input: { id: string }; env?: RoundsEnv }): Promise<AllocationTableView> {
  const { round, correctedBy } = await loadRound(ctx, input.id);
  if (round.status === 'published') throw new AppError('conflict', '奖补轮次已发布，分配结果不再变化；请查看分配表');
  const { recipients, allocation, matching, snapshot: snap } = await computeRound(ctx, round, env);
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(rewardRounds)
        .set({ lastSimulation: snap })
        .where(and(eq(rewardRounds.id, round.id), eq(rewardRounds.version, round.version), eq(rewardRounds.status, 'draft'))),
      auditGuarded(ctx, {
        action: 'reward_round.simulate',
        entityType: 'reward_round',
        entityId: round.id,
        after: { budgetFen: allocation.budgetFen, allocatedFen: allocation.allocatedFen, recipients: recipients.length, awarded: allocation.lines.filter((l) => l.amountFen > 0).length, ...(matching ? { matchedFen: matching.matchedTotalFen } : {}) },
      }),
    ]),
  );
  return {
    round: roundView({ ...round, lastSimulation: snap }, correctedBy),
    matching,
    budgetFen: allocation.budgetFen,
    demandFen: allocation.demandFen,
    allocatedFen: allocation.allocatedFen,
    unallocatedFen: allocation.unallocatedFen,
    notes: allocation.notes,
    lines: linesOf(allocation, recipients, round.rules as unknown as AllocationRules, round.lastSimulation),
    diff: diffOf(round.lastSimulation, snap),
  };
}
