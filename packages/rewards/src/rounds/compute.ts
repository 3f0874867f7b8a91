import type { Ctx } from '@ronghe/core';
import type { MatchingFrozen, RewardRound, SimulationSnapshot } from '@ronghe/schema';
import { allocate } from '../allocate/allocate.ts';
import type { Allocation, Recipient } from '../allocate/types.ts';
import { loadCandidates } from './candidates.ts';
import { snapshotOf } from './lines.ts';
import { computeMatching, matchedAmounts } from './matching.ts';
import type { RoundsEnv } from './tenants.ts';
import { engineInput } from './view.ts';

export interface ComputedRound {
  recipients: Recipient[];
  allocation: Allocation;
  /** 配套 of the city's awards (county rounds with matching settings; ADR 0025). */
  matching: MatchingFrozen | null;
  snapshot: SimulationSnapshot;
}

/**
 * A round's allocation on today's facts (read through the other capabilities;
 * a city round's in every county's database), its 配套 when it matches a city
 * round, and its compact snapshot.
 */
export async function computeRound(ctx: Ctx, round: RewardRound, env?: RoundsEnv): Promise<ComputedRound> {
  const [recipients, matching] = await Promise.all([loadCandidates(ctx, round, env), computeMatching(ctx, env, round)]);
  const allocation = allocate(engineInput(round, recipients));
  const snapshot = snapshotOf(allocation, ctx.clock.now());
  const matched = matchedAmounts(matching);
  return { recipients, allocation, matching, snapshot: matched ? { ...snapshot, matched } : snapshot };
}
