import { auditInsert, newId, validation, writeBatch, type Ctx } from '@ronghe/core';
import { rewardRounds, type RewardRound, type RoundCreate, type RoundView } from '@ronghe/schema';
import { checkMatching } from './matching.ts';
import type { RoundsEnv } from './tenants.ts';
import { auditOfRound, roundView } from './view.ts';

/** A new draft round with these settings, created now by the caller (a new round, or the correction of a published one). */
export function draftRow(ctx: Ctx, settings: Pick<RewardRound, 'level' | 'year' | 'name' | 'subject' | 'budgetFen' | 'method' | 'rules' | 'note' | 'correctsRoundId' | 'matching'>): RewardRound {
  const now = ctx.clock.now();
  return {
    id: newId('rwr', now),
    ...settings,
    status: 'draft',
    lastSimulation: null,
    matched: null,
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
export async function createRound({ ctx, input, env }: { ctx: Ctx; input: RoundCreate; env?: RoundsEnv }): Promise<RoundView> {
  // The level follows the tenant (ADR 0025): the city organization department runs 市级 rounds, a county 旗县区级 ones.
  const level = ctx.tenant.kind === 'city' ? 'city' : 'county';
  if (input.level !== undefined && input.level !== level) {
    throw validation([{ path: 'json.level', message: level === 'city' ? '市委组织部发起的轮次为市级' : '旗县区只能发起旗县区级轮次；市级轮次由市委组织部发起' }]);
  }
  await checkMatching(ctx, env, input.matching, input.subject);
  const row = draftRow(ctx, { level, year: input.year, name: input.name, subject: input.subject, budgetFen: input.budgetFen, method: input.method, rules: input.rules, note: input.note ?? null, correctsRoundId: null, matching: input.matching ?? null });
  await writeBatch(ctx.db, [
    ctx.db.insert(rewardRounds).values(row),
    auditInsert(ctx, { action: 'reward_round.create', entityType: 'reward_round', entityId: row.id, after: auditOfRound(row) }),
  ]);
  return roundView(row, null);
}
