// What other capabilities may read of the rewards capability (ADR 0010).
import { eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { rewardDisbursements, rewardRounds } from '@ronghe/schema';

/** A disbursement as the fund ledger posts it: its round's name and its voucher number. */
export interface DisbursementForPosting {
  roundName: string;
  voucherNo: string | null;
}

/** The round name and voucher of a disbursement, or null when there is no such disbursement. */
export async function disbursementForPosting(ctx: Pick<Ctx, 'db'>, disbursementId: string): Promise<DisbursementForPosting | null> {
  const [row] = await ctx.db
    .select({ roundName: rewardRounds.name, voucherNo: rewardDisbursements.voucherNo })
    .from(rewardDisbursements)
    .innerJoin(rewardRounds, eq(rewardRounds.id, rewardDisbursements.roundId))
    .where(eq(rewardDisbursements.id, disbursementId))
    .limit(1);
  return row ?? null;
}

// The city's rollup (issue 13): the rounds' money figures.
export { cityAwardsByCounty, rewardsRollup } from './rollup.ts';
