// 市级奖补 as a county sees them (ADR 0025): the lines of the city's published
// rounds awarded to this county's recipients, read from the city's database
// at request time (nothing is copied into the county). The query names the
// county: a county never sees another county's awards.
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { DISBURSEMENT_STATUS_LABELS, ROUND_SUBJECT_LABELS, rewardAllocations, rewardDisbursements, rewardRounds, type CityAwardView } from '@ronghe/schema';
import { cityDb, type RoundsEnv } from './tenants.ts';
import { correctedByColumn } from './view.ts';

export async function cityAwards({ ctx, env, input }: { ctx: Ctx; env: RoundsEnv; input: { year?: number } }): Promise<{ items: CityAwardView[] }> {
  if (ctx.tenant.kind === 'city') return { items: [] };
  const db = cityDb(env);
  const rows = await db
    .select({ round: rewardRounds, correctedBy: correctedByColumn, line: rewardAllocations, payment: rewardDisbursements })
    .from(rewardAllocations)
    .innerJoin(rewardRounds, eq(rewardRounds.id, rewardAllocations.roundId))
    .leftJoin(rewardDisbursements, eq(rewardDisbursements.allocationId, rewardAllocations.id))
    .where(
      and(
        eq(rewardAllocations.recipientTenant, ctx.tenant.slug),
        eq(rewardRounds.level, 'city'),
        eq(rewardRounds.status, 'published'),
        gt(rewardAllocations.amountFen, 0),
        input.year === undefined ? undefined : eq(rewardRounds.year, input.year),
      ),
    )
    .orderBy(desc(rewardRounds.year), desc(rewardRounds.id), rewardAllocations.position)
    .limit(2000);
  return {
    items: rows.map(({ round, correctedBy, line, payment }) => ({
      roundId: round.id,
      roundName: round.name,
      year: round.year,
      subject: round.subject,
      subjectLabel: ROUND_SUBJECT_LABELS[round.subject],
      publishedAt: round.publishedAt!,
      correctedByRoundId: correctedBy,
      recipientId: line.recipientId,
      recipientName: line.recipientName,
      amountFen: line.amountFen,
      steps: line.steps,
      disbursement: payment ? { status: payment.status, statusLabel: DISBURSEMENT_STATUS_LABELS[payment.status], paidOn: payment.paidOn, voucherNo: payment.voucherNo } : null,
    })),
  };
}
