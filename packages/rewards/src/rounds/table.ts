import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { DISBURSEMENT_STATUS_LABELS, rewardAllocations, rewardDisbursements, type AllocationTableView } from '@ronghe/schema';
import type { AllocationRules, RecipientFacts } from '../allocate/types.ts';
import { computeRound } from './compute.ts';
import { basisOf, diffOf, LINE_STATUS_LABELS, linesOf } from './lines.ts';
import { countyName, type RoundsEnv } from './tenants.ts';
import { loadRound, roundView } from './view.ts';

/**
 * A round's allocation table. Published: the stored lines, with their
 * disbursements. Draft: a live preview on today's facts (nothing stored),
 * compared with the last simulation.
 */
export async function roundTable({ ctx, input, env }: { ctx: Ctx; input: { id: string }; env?: RoundsEnv }): Promise<AllocationTableView> {
  const { round, correctedBy } = await loadRound(ctx, input.id);
  const rules = round.rules as unknown as AllocationRules;
  if (round.status === 'draft') {
    const { recipients, allocation: a, matching, snapshot } = await computeRound(ctx, round, env);
    return {
      round: roundView(round, correctedBy),
      matching,
      budgetFen: a.budgetFen,
      demandFen: a.demandFen,
      allocatedFen: a.allocatedFen,
      unallocatedFen: a.unallocatedFen,
      notes: a.notes,
      lines: linesOf(a, recipients, rules, round.lastSimulation),
      diff: diffOf(round.lastSimulation, snapshot),
    };
  }
  const [lines, payments] = await Promise.all([
    ctx.db.select().from(rewardAllocations).where(eq(rewardAllocations.roundId, round.id)).orderBy(asc(rewardAllocations.position)),
    ctx.db.select().from(rewardDisbursements).where(eq(rewardDisbursements.roundId, round.id)),
  ]);
  const paymentOf = new Map(payments.map((p) => [p.allocationId, p]));
  const allocated = lines.reduce((s, l) => s + l.amountFen, 0);
  return {
    round: roundView(round, correctedBy),
    matching: round.matched ?? null,
    budgetFen: round.budgetFen,
    demandFen: null,
    allocatedFen: allocated,
    unallocatedFen: round.budgetFen - allocated,
    notes: [],
    lines: lines.map((l) => {
      const p = paymentOf.get(l.id);
      return {
        recipientId: l.recipientId,
        recipientName: l.recipientName,
        recipientTenant: l.recipientTenant,
        countyName: countyName(l.recipientTenant),
        status: l.lineStatus as 'ineligible' | 'no_award' | 'awarded',
        statusLabel: LINE_STATUS_LABELS[l.lineStatus as 'awarded'] ?? '',
        basis: basisOf(l.facts as unknown as RecipientFacts, rules),
        demandFen: l.demandFen,
        amountFen: l.amountFen,
        steps: l.steps,
        previousFen: null,
        disbursement: p ? { id: p.id, status: p.status, statusLabel: DISBURSEMENT_STATUS_LABELS[p.status], paidOn: p.paidOn, voucherNo: p.voucherNo } : null,
      };
    }),
    diff: null,
  };
}

