import { type Ctx } from '@ronghe/core';
import { type RedDistrictView } from '@ronghe/schema';
import { districtView } from './district-view.ts';

export async function listRedDistricts({ ctx, input }: { ctx: Ctx; input: { status?: 'active' | 'archived' | 'all'; activeRoutesOnly?: boolean } }): Promise<RedDistrictView[]> {
  return districtView(ctx, { status: input.status ?? 'active' }, { activeRoutesOnly: input.activeRoutesOnly });
}
