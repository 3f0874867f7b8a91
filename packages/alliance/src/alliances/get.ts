import { type Ctx } from '@ronghe/core';
import { type AllianceDetail } from '@ronghe/schema';
import { loadAllianceParts } from './parts.ts';
import { toDetail } from './detail.ts';

export async function getAlliance({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  return toDetail(ctx, parts);
}
