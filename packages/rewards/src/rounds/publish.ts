import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, insertRows, newId, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { rewardAllocations, rewardDisbursements, rewardRounds, type RewardAllocation, type RewardDisbursement, type RewardRound, type RoundView } from '@ronghe/schema';
import { computeRound, type ComputedRound } from './compute.ts';
import { sameAmounts } from './lines.ts';
import type { RoundsEnv } from './tenants.ts';
import { auditOfRound, loadRound, roundView } from './view.ts';

/**
 * Publish a draft round: exactly what was last simulated, or nothing. The
 * allocation is computed again on today's facts and must give every recipient
 * the amount the last simulation showed (otherwise 409: simulate again and
 * look). One batch: the round frozen, every line with its facts and
 * explanation, a planned disbursement per amount, the audit row. Lines are
 * immutable afterwards (triggers, migration rewards_immutable).
 */
export async function publishRound({ ctx, input, env }: { ctx: Ctx; input: { id: string; expectedVersion: number }; env?: RoundsEnv }): Promise<RoundView> {
  const { round } = await loadRound(ctx, input.id);
  if (round.status === 'published') throw new AppError('conflict', '奖补轮次已发布，不能重复发布');
  if (round.version !== input.expectedVersion) throw new AppError('precondition_failed', '奖补轮次已被他人修改，请刷新后重试');
  if (!round.lastSimulation) throw new AppError('conflict', '请先模拟分配结果，确认无误后再发布');
  const computed = await computeRound(ctx, round, env);
  if (!sameAmounts(round.lastSimulation, computed.snapshot)) {
    throw new AppError('conflict', '自上次模拟以来，考核结果、荣誉认定或设置已有变化；请重新模拟并核对后再发布');
  }
  const { lines, payments, published } = publishedRows(round, computed, ctx.clock.now(), ctx.actor.displayName);
  const allocation = computed.allocation;
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(rewardRounds)
        .set(published)
        .where(and(eq(rewardRounds.id, round.id), eq(rewardRounds.version, round.version), eq(rewardRounds.status, 'draft'))),
      auditGuarded(ctx, {
        action: 'reward_round.publish',
        entityType: 'reward_round',
        entityId: round.id,
        after: { ...auditOfRound(round), allocatedFen: allocation.allocatedFen, recipients: payments.length, ...(computed.matching ? { matchedFen: computed.matching.matchedTotalFen } : {}) },
      }),
      ...insertRows(rewardAllocations, lines),
      ...insertRows(rewardDisbursements, payments),
    ]),
  );
  return roundView({ ...round, ...published }, null);
}

/** The rows publishing writes: every line with its facts and explanation, a planned payment per award, the round's new state. */
export function publishedRows(round: RewardRound, { recipients, allocation, matching }: Pick<ComputedRound, 'recipients' | 'allocation'> & { matching?: ComputedRound['matching'] }, now: number, by: string) {
  const facts = new Map(recipients.map((r) => [r.id, r.facts]));
  const tenants = new Map(recipients.map((r) => [r.id, r.tenant ?? null]));
  const lines: RewardAllocation[] = allocation.lines.map((l, i) => ({
    id: newId('rwa', now),
    roundId: round.id,
    position: i + 1,
    recipientType: round.subject,
    recipientId: l.id,
    recipientTenant: tenants.get(l.id) ?? null,
    recipientName: l.name,
    lineStatus: l.status,
    demandFen: l.demandFen,
    amountFen: l.amountFen,
    facts: facts.get(l.id)! as unknown as Record<string, unknown>,
    steps: l.steps,
  }));
  const payments: RewardDisbursement[] = lines
    .filter((l) => l.amountFen > 0)
    .map((l) => ({ id: newId('rwd', now), allocationId: l.id, roundId: round.id, recipientType: l.recipientType, recipientId: l.recipientId, recipientTenant: l.recipientTenant, amountFen: l.amountFen, status: 'planned', paidOn: null, voucherNo: null, paidBy: null, paidAt: null, version: 1 }));
  const published = { status: 'published' as const, publishedAt: now, publishedBy: by, allocatedFen: allocation.allocatedFen, recipientCount: payments.length, matched: matching ?? null, updatedAt: now, version: round.version + 1 };
  return { lines, payments, published };
}
