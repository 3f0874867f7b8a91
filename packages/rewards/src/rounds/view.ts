import { eq, sql } from 'drizzle-orm';
import { notFound, type Ctx } from '@ronghe/core';
import { ROUND_LEVEL_LABELS, ROUND_STATUS_LABELS, ROUND_SUBJECT_LABELS, rewardRounds, type RewardRound, type RoundView } from '@ronghe/schema';
import type { AllocationInput, AllocationMethod, AllocationRules, Recipient } from '../allocate/types.ts';
import { matchingText, methodText, rulesText } from './describe.ts';

/**
 * The round that corrects a round, as a column of the same statement (one correction per round: a unique index).
 * The outer table is named in full: drizzle leaves a single table's columns unqualified, which would bind to `c`.
 */
export const correctedByColumn = sql<string | null>`(SELECT c.id FROM reward_rounds c WHERE c.corrects_round_id = reward_rounds.id)`.as('corrected_by');

/** The round row and the round that corrects it, in one read; a missing (or another county's) round is 404. */
export async function loadRound(ctx: Ctx, id: string): Promise<{ round: RewardRound; correctedBy: string | null }> {
  const found = await ctx.db.select({ round: rewardRounds, correctedBy: correctedByColumn }).from(rewardRounds).where(eq(rewardRounds.id, id)).get();
  if (!found) throw notFound('奖补轮次');
  return found;
}

export function roundView(r: RewardRound, correctedBy: string | null): RoundView {
  return {
    id: r.id,
    level: r.level,
    levelLabel: ROUND_LEVEL_LABELS[r.level],
    year: r.year,
    name: r.name,
    subject: r.subject,
    subjectLabel: ROUND_SUBJECT_LABELS[r.subject],
    budgetFen: r.budgetFen,
    method: r.method as RoundView['method'],
    rules: r.rules as RoundView['rules'],
    status: r.status,
    statusLabel: ROUND_STATUS_LABELS[r.status],
    correctsRoundId: r.correctsRoundId,
    correctedByRoundId: correctedBy,
    note: r.note,
    matching: r.matching ?? null,
    allocatedFen: r.allocatedFen,
    recipientCount: r.recipientCount,
    lastSimulatedAt: r.lastSimulation?.at ?? null,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy,
    createdAt: r.createdAt,
    version: r.version,
  };
}

/** The engine's input for a round and its recipients. */
export function engineInput(r: RewardRound, recipients: Recipient[]): AllocationInput {
  return { budgetFen: r.budgetFen, method: r.method as unknown as AllocationMethod, rules: r.rules as unknown as AllocationRules, recipients };
}

/** What the audit row records of a round: codes the audit page puts in words, and the settings as the county's document words them. */
export function auditOfRound(r: Pick<RewardRound, 'name' | 'year' | 'level' | 'subject' | 'budgetFen' | 'method' | 'rules'> & { matching?: RewardRound['matching'] }) {
  const rules = r.rules as unknown as AllocationRules;
  return {
    name: r.name,
    year: r.year,
    level: r.level,
    subject: r.subject,
    budgetFen: r.budgetFen,
    allocationMethod: methodText(r.method as unknown as AllocationMethod, rules),
    eligibility: rulesText(rules),
    ...(r.matching ? { matchingRule: matchingText(r.matching) } : {}),
  };
}
