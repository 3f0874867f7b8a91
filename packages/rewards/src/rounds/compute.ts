import type { Ctx } from '@ronghe/core';
import type { RewardRound, SimulationSnapshot } from '@ronghe/schema';
import { allocate } from '../allocate/allocate.ts';
import type { Allocation, Recipient } from '../allocate/types.ts';
import { loadCandidates } from './candidates.ts';
import { snapshotOf } from './lines.ts';
import { engineInput } from './view.ts';

export interface ComputedRound {
  recipients: Recipient[];
  allocation: Allocation;
  snapshot: SimulationSnapshot;
}

/** A round's allocation on today's facts (read through the other capabilities), and its compact snapshot. */
export async function computeRound(ctx: Ctx, round: RewardRound): Promise<ComputedRound> {
  const recipients = await loadCandidates(ctx, round);
  const allocation = allocate(engineInput(round, recipients));
  return { recipients, allocation, snapshot: snapshotOf(allocation, ctx.clock.now()) };
}
