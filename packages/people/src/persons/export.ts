import { AppError, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import type { PersonListQuery } from '@ronghe/schema';
import { allPersonRows } from './list.ts';
import { personTarget } from './rows.ts';
import { writePersonSheet } from './sheet.ts';

/** The filtered registry as .xlsx; phones and identity numbers masked unless the actor may read them in full. */
export async function exportPeople({ ctx, input }: { ctx: Ctx; input: Omit<PersonListQuery, 'cursor' | 'limit'> }): Promise<Uint8Array<ArrayBuffer>> {
  if (!allows(ctx.actor, 'person.export', {})) throw new AppError('forbidden', '当前角色无权导出人员');
  const rows = await allPersonRows(ctx, input);
  return writePersonSheet(rows, { fullPii: (r) => allows(ctx.actor, 'person.read_pii', personTarget(r)) });
}
