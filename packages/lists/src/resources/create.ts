import { auditInsert, writeBatch, type Ctx } from '@ronghe/core';
import { resources, type ResourceCreateInput, type ResourceView } from '@ronghe/schema';
import { assertListsOpen, requireAlliance } from '../shared/alliance.ts';
import { refuseFields } from '../shared/writes.ts';
import { getResource } from './get.ts';
import { fieldErrors, assertMayOffer, resourceRow, offeringErrors } from './fields.ts';

export async function createResource({ ctx, input }: { ctx: Ctx; input: ResourceCreateInput }): Promise<ResourceView> {
  const a = await requireAlliance(ctx, input.allianceId);
  assertMayOffer(ctx, a, input.offeringOrgId);
  assertListsOpen(a);
  refuseFields([...(await fieldErrors(ctx, input)), ...(await offeringErrors(ctx, a, input.offeringOrgId))]);
  const row = resourceRow(ctx, input);
  await writeBatch(ctx.db, [ctx.db.insert(resources).values(row), auditInsert(ctx, { action: 'resource.create', entityType: 'resource', entityId: row.id, after: row })]);
  return getResource({ ctx, input: { id: row.id } });
}
