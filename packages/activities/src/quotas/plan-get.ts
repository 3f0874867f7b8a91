import { AppError, shanghaiDate, type Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import type { QuotaPlanView } from '@ronghe/schema';
import { planViews } from './standings.ts';

/** An alliance's quota plan for a year (this year by default) with each row's standing today. */
export async function getQuotaPlan({ ctx, input }: { ctx: Ctx; input: { allianceId: string; year?: number } }): Promise<QuotaPlanView> {
  const a = (await loadAllianceRefs(ctx, [input.allianceId])).get(input.allianceId);
  if (!a) throw new AppError('not_found', '党建联合体不存在或无权访问');
  const today = shanghaiDate(ctx.clock.now());
  const [view] = await planViews(ctx, [a], input.year ?? Number(today.slice(0, 4)), today);
  return view!;
}
