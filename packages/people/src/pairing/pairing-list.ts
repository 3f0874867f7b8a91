import { type Ctx } from '@ronghe/core';
import type { PairingListQuery, PairingView } from '@ronghe/schema';
import { pairingFilter, pairingRows } from './pairing-view.ts';

/** 结对 list: filters by organization, community and status; phones always masked (a list). */
export async function listPairings({ ctx, input }: { ctx: Ctx; input: PairingListQuery }): Promise<{ items: PairingView[]; total: number }> {
  return pairingRows(ctx, pairingFilter(input), { offset: input.offset ?? 0, limit: input.limit ?? 20 }, false);
}
