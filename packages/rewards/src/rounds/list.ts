import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { rewardRounds, type RoundView } from '@ronghe/schema';
import { correctedByColumn, roundView } from './view.ts';

/** The county's rounds, newest first, optionally of one year (a county runs a handful a year), each with its correction: one read. */
export async function listRounds({ ctx, input }: { ctx: Ctx; input: { year?: number } }): Promise<{ items: RoundView[] }> {
  const rows = await ctx.db
    .select({ round: rewardRounds, correctedBy: correctedByColumn })
    .from(rewardRounds)
    .where(input.year === undefined ? undefined : eq(rewardRounds.year, input.year))
    .orderBy(desc(rewardRounds.year), desc(rewardRounds.id))
    .limit(500);
  return { items: rows.map((r) => roundView(r.round, r.correctedBy)) };
}
