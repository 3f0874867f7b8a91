import { type Ctx } from '@ronghe/core';
import { type NeedView } from '@ronghe/schema';
import { viewsOf, findNeedRow } from './view.ts';

export async function getNeed({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<NeedView> {
  const [view] = await viewsOf(ctx, [await findNeedRow(ctx, input.id)]);
  return view!;
}
