import { type Ctx } from '@ronghe/core';
import { type OrganizationView } from '@ronghe/schema';
import { findOrgRow } from './rows.ts';
import { toView } from './view.ts';

export async function getOrg({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<OrganizationView> {
  return toView(await findOrgRow(ctx, input.id), ctx.actor);
}
