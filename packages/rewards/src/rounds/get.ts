import type { Ctx } from '@ronghe/core';
import type { RoundView } from '@ronghe/schema';
import { loadRound, roundView } from './view.ts';

export async function getRound({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<RoundView> {
  const { round, correctedBy } = await loadRound(ctx, input.id);
  return roundView(round, correctedBy);
}
