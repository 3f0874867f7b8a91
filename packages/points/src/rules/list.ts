import type { Ctx } from '@ronghe/core';
import type { PointRuleView } from '@ronghe/schema';
import { currentRules } from './current.ts';
import { ruleView } from './view.ts';

/** The county's rules as they apply now (the current version of each). */
export async function listPointRules({ ctx }: { ctx: Ctx }): Promise<{ items: PointRuleView[] }> {
  return { items: (await currentRules(ctx.db)).map(ruleView) };
}
