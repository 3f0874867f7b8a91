import { notFound, type Ctx } from '@ronghe/core';
import { type RedRouteView } from '@ronghe/schema';
import { routeView } from './route-view.ts';

export async function getRedRoute({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<RedRouteView> {
  const [view] = await routeView(ctx, [input.id]);
  if (!view) throw notFound('红色风景线');
  return view;
}
