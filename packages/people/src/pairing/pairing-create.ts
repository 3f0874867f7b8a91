import { AppError, auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { orgPairings, type PairingCreateInput, type PairingView } from '@ronghe/schema';
import { assertMay, isUnique, loadCommunity, loadReportingOrg, notInFuture, UNIQUE_PAIRING } from './guards.ts';
import { getPairing } from './pairing-get.ts';

/** 组织报到: an organ (or enterprise, institution) pairs with a community. One live pairing per pair (unique index). */
export async function createPairing({ ctx, input }: { ctx: Ctx; input: PairingCreateInput }): Promise<PairingView> {
  const org = await loadReportingOrg(ctx, input.orgId, 'body.orgId');
  const community = await loadCommunity(ctx, input.communityOrgId, 'body.communityOrgId');
  assertMay(ctx, 'pairing.manage', [org, community], '只能为本单位、本级及下级党组织安排结对');
  const dateErrors = notInFuture(ctx, input.pairedOn, 'body.pairedOn');
  if (dateErrors.length) throw new AppError('validation_failed', '结对日期不能晚于今天', { errors: dateErrors });
  const now = ctx.clock.now();
  const id = newId('opr', now);
  const row = {
    id,
    orgId: org.id,
    communityOrgId: community.id,
    pairedOn: input.pairedOn,
    agreement: input.agreement ?? '',
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    status: 'active' as const,
    endedOn: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await writeBatch(ctx.db, [
      ctx.db.insert(orgPairings).values(row),
      // The audit row keeps ids and dates only: the contact is personal data and stays in the table.
      auditInsert(ctx, { action: 'pairing.create', entityType: 'org_pairing', entityId: id, after: { orgId: org.id, communityOrgId: community.id, pairedOn: input.pairedOn, status: 'active' } }),
    ]);
  } catch (err) {
    if (isUnique(err, UNIQUE_PAIRING)) {
      const message = `“${org.name}”已与“${community.name}”结对，请勿重复登记`;
      throw new AppError('conflict', message, { errors: [{ path: 'body.communityOrgId', message }], extra: { reason: 'already_paired' } });
    }
    throw err;
  }
  return getPairing({ ctx, input: { id } });
}
