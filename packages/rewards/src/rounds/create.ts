import { auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { rewardRounds, type RewardRound, type RoundCreate, type RoundView } from '@ronghe/schema';
import { auditOfRound, roundView } from './view.ts';

/** A new draft round with these settings, created now by the caller (a new round, or the correction of a published one). */
export function draftRow(ctx: Ctx, settings: Pick<RewardRound, 'level' | 'year' | 'name' | 'subject' | 'budgetFen' | 'method' | 'rules' | 'note' | 'correctsRoundId'>): RewardRound {
  const now = ctx.clock.now();
  return {
    id: newId('rwr', now),
    ...settings,
    status: 'draft',
    lastSimulation: null,
    allocatedFen: null,
    recipientCount: null,
    publishedAt: null,
    publishedBy: null,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** A new round, as a draft: its settings can be changed and simulated until it is published. */
export async function createRound({ ctx, input }: { ctx: Ctx; input: RoundCreate }): Promise<RoundView> {
  const row = draftRow(ctx, { level: input.level, year: input.year, name: input.name, subject: input.subject, budgetFen: input.budgetFen, method: input.method, rules: input.rules, note: input.note ?? null, correctsRoundId: null });
  await writeBatch(ctx.db, [
    ctx.db.insert(rewardRounds).values(row),
    auditInsert(ctx, { action: 'reward_round.create', entityType: 'reward_round', entityId: row.id, after: auditOfRound(row) }),
  ]);
  return roundView(row, null);
}
