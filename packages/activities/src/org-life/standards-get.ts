import type { Ctx } from '@ronghe/core';
import type { OrgLifeStandardsView } from '@ronghe/schema';
import { standardsOf } from './standards.ts';

export async function getOrgLifeStandards({ ctx, input }: { ctx: Ctx; input: { year: number } }): Promise<OrgLifeStandardsView> {
  return { year: input.year, items: await standardsOf(ctx, input.year) };
}
