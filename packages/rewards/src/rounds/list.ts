import { desc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { rewardRounds, type RoundView } from '@ronghe/schema';
import { roundView } from './view.ts';

/** The county's rounds, newest first, optionally of one year (a county runs a handful a year). */
export async function listRounds({ ctx, input }: { ctx: Ctx; input: { year?: number } }): Promise<{ items: RoundView[] }> {
  const [rows, corrections] = await Promise.all([
    ctx.db
      .select()
      .from(rewardRounds)
      .where(input.year === undefined ? undefined : eq(rewardRounds.year, input.year))
      .orderBy(desc(rewardRounds.year), desc(rewardRounds.id))
      .limit(500),
    ctx.db.select({ id: rewardRounds.id, corrects: rewardRounds.correctsRoundId }).from(rewardRounds).where(isNotNull(rewardRounds.correctsRoundId)),
  ]);
  const correctedBy = new Map(corrections.map((c) => [c.corrects!, c.id]));
  return { items: rows.map((r) => roundView(r, correctedBy.get(r.id) ?? null)) };
}
