import { notFound, type Ctx } from '@ronghe/core';
import { type RedDistrictView } from '@ronghe/schema';
import { districtView } from './district-view.ts';

export async function getRedDistrict({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<RedDistrictView> {
  const [view] = await districtView(ctx, { ids: [input.id] });
  if (!view) throw notFound('红色片区');
  return view;
}
