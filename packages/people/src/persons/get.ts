import type { Ctx } from '@ronghe/core';
import type { PersonView } from '@ronghe/schema';
import { findPersonRow } from './rows.ts';
import { toView } from './view.ts';

export async function getPerson({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<PersonView> {
  return toView(await findPersonRow(ctx, input.id), ctx.actor, { list: false });
}
