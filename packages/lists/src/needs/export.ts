import { type Ctx } from '@ronghe/core';
import { type NeedListQuery } from '@ronghe/schema';
import { allNeeds } from './list.ts';
import { NEED_COLUMNS, writeSheet } from '../sheets/common.ts';
import { placeNames } from '../places/names.ts';

export async function exportNeeds({ ctx, input }: { ctx: Ctx; input: Omit<NeedListQuery, 'cursor' | 'limit'> }) {
  const rows = await allNeeds(ctx, input);
  // Streets and communities by name, as officials read them (the import takes the names back).
  const places = await placeNames(ctx, rows.flatMap((n) => [n.streetCode, n.communityCode]));
  return writeSheet('需求清单', NEED_COLUMNS, rows, false, places);
}
/** The template's second row says how to fill each column; the import skips it (it has no title). */
export const needTemplate = () => writeSheet('需求清单', NEED_COLUMNS, [], true);
