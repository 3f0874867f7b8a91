import { type Ctx } from '@ronghe/core';
import { type ResourceView } from '@ronghe/schema';
import { resourceViews, findRow } from './view.ts';

export async function getResource({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ResourceView> {
  const [view] = await resourceViews(ctx, [await findRow(ctx, input.id)]);
  return view!;
}
