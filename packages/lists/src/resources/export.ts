import { type Ctx } from '@ronghe/core';
import { type ResourceListQuery } from '@ronghe/schema';
import { allResources } from './list.ts';
import { RESOURCE_COLUMNS, writeSheet } from '../sheets/common.ts';

export async function exportResources({ ctx, input }: { ctx: Ctx; input: Omit<ResourceListQuery, 'cursor' | 'limit'> }) {
  return writeSheet('资源清单', RESOURCE_COLUMNS, await allResources(ctx, input));
}
export const resourceTemplate = () => writeSheet('资源清单', RESOURCE_COLUMNS, [], true);
