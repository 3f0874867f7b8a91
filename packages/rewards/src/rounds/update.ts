import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { rewardRounds, type RoundUpdate, type RoundView } from '@ronghe/schema';
import { checkMatching } from './matching.ts';
import type { RoundsEnv } from './tenants.ts';
import { auditOfRound, loadRound, roundView } from './view.ts';

/**
 * A draft's settings change (between simulations). A published round is
 * immutable (409: a correction is a new round); a stale version is 412.
 */
export async function updateRound({ ctx, input, env }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: RoundUpdate }; env?: RoundsEnv }): Promise<RoundView> {
  const { round } = await loadRound(ctx, input.id);
  if (round.status === 'published') throw new AppError('conflict', '已发布的奖补轮次不能修改；如需更正，请发起更正轮次');
  if (round.version !== input.expectedVersion) throw new AppError('precondition_failed', '奖补轮次已被他人修改，请刷新后重试');
  const p = input.patch;
  if (p.matching) await checkMatching(ctx, env, p.matching, round.subject);
  const next = {
    name: p.name ?? round.name,
    budgetFen: p.budgetFen ?? round.budgetFen,
    method: p.method ?? round.method,
    rules: p.rules ?? round.rules,
    note: p.note === undefined ? round.note : p.note,
    matching: p.matching === undefined ? round.matching : p.matching,
    updatedAt: ctx.clock.now(),
    version: round.version + 1,
  };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(rewardRounds)
        .set(next)
        .where(and(eq(rewardRounds.id, round.id), eq(rewardRounds.version, round.version), eq(rewardRounds.status, 'draft'))),
      auditGuarded(ctx, {
        action: 'reward_round.update',
        entityType: 'reward_round',
        entityId: round.id,
        before: auditOfRound(round),
        after: auditOfRound({ ...round, ...next }),
      }),
    ]),
  );
  return roundView({ ...round, ...next }, null);
}
