import { eq } from 'drizzle-orm';
import { notFound, type Ctx } from '@ronghe/core';
import { organizationsById } from '@ronghe/registry/read';
import { orgPairings, type PairingView } from '@ronghe/schema';
import { mayActOn } from './guards.ts';
import { pairingRows } from './pairing-view.ts';

/** One pairing; the contact's full phone only for those who may manage it (the county, the committee above, the organization itself). */
export async function getPairing({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<PairingView> {
  const first = await pairingRows(ctx, eq(orgPairings.id, input.id), { offset: 0, limit: 1 }, false);
  const view = first.items[0];
  if (!view) throw notFound('结对记录');
  const orgs = await organizationsById(ctx, [view.org.id, view.community.id]);
  if (!mayActOn(ctx, 'pairing.manage', [...orgs.values()])) return view;
  const [full] = (await pairingRows(ctx, eq(orgPairings.id, input.id), { offset: 0, limit: 1 }, true)).items;
  return full!;
}
