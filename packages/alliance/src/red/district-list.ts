import { eq } from 'drizzle-orm';
import { type Ctx } from '@ronghe/core';
import { redDistricts, type RedDistrictView } from '@ronghe/schema';
import { districtView } from './district-view.ts';

export async function listRedDistricts({ ctx, input }: { ctx: Ctx; input: { status?: 'active' | 'archived' | 'all' } }): Promise<RedDistrictView[]> {
  const status = input.status ?? 'active';
  const rows = await ctx.db
    .select({ id: redDistricts.id })
    .from(redDistricts)
    .where(status === 'all' ? undefined : eq(redDistricts.status, status))
    .limit(500);
  return districtView(
    ctx,
    rows.map((x) => x.id),
  );
}
