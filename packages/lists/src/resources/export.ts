import { type Ctx } from '@ronghe/core';
import { type ResourceListQuery } from '@ronghe/schema';
import { allResources } from './list.ts';
import { RESOURCE_COLUMNS, writeSheet } from '../sheets/common.ts';
import { placeNames } from '../places/names.ts';

export async function exportResources({ ctx, input }: { ctx: Ctx; input: Omit<ResourceListQuery, 'cursor' | 'limit'> }) {
  const rows = await allResources(ctx, input);
  // Streets and communities by name, as officials read them (the import takes the names back).
  const places = await placeNames(ctx, rows.flatMap((r) => [r.streetCode, r.communityCode]));
  return writeSheet('资源清单', RESOURCE_COLUMNS, rows, false, places);
}
export const resourceTemplate = () => writeSheet('资源清单', RESOURCE_COLUMNS, [], true);
