import { type Ctx } from '@ronghe/core';
import { type NeedListQuery } from '@ronghe/schema';
import { allNeeds } from './list.ts';
import { NEED_COLUMNS, writeSheet } from '../sheets/common.ts';

export async function exportNeeds({ ctx, input }: { ctx: Ctx; input: Omit<NeedListQuery, 'cursor' | 'limit'> }) {
  return writeSheet('需求清单', NEED_COLUMNS, await allNeeds(ctx, input));
}
/** The template's second row says how to fill each column; the import skips it (it has no title). */
export const needTemplate = () => writeSheet('需求清单', NEED_COLUMNS, [], true);
