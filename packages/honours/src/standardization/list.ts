import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { branchStandardizations, type StandardizationView } from '@ronghe/schema';
import { loadStandardization, standardizationView, standardizationViews } from './view.ts';

/** The year's applications, newest first (a county holds a few hundred branches: one page). */
export async function listStandardizations({ ctx, input }: { ctx: Ctx; input: { year: number; orgId?: string } }): Promise<{ items: StandardizationView[] }> {
  const where: SQL[] = [eq(branchStandardizations.year, input.year)];
  if (input.orgId) where.push(eq(branchStandardizations.orgId, input.orgId));
  const rows = await ctx.db.select().from(branchStandardizations).where(and(...where)).orderBy(desc(branchStandardizations.appliedAt)).limit(1000);
  return { items: await standardizationViews(ctx, rows) };
}

export async function getStandardization({ ctx, id }: { ctx: Ctx; id: string }): Promise<StandardizationView> {
  return standardizationView(ctx, await loadStandardization(ctx, id));
}
