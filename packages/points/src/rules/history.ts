import { desc, eq } from 'drizzle-orm';
import { notFound, type Ctx } from '@ronghe/core';
import { pointRules, type PointRuleView } from '@ronghe/schema';
import { ruleView } from './view.ts';

/** Every version of one rule, newest first (what the ledger's older entries were computed with). */
export async function pointRuleHistory({ ctx, input }: { ctx: Ctx; input: { code: string } }): Promise<{ items: PointRuleView[] }> {
  const rows = await ctx.db.select().from(pointRules).where(eq(pointRules.code, input.code)).orderBy(desc(pointRules.version));
  if (!rows.length) throw notFound('积分规则');
  return { items: rows.map(ruleView) };
}
