import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, notFound, runGuarded, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import { organizationsById } from '@ronghe/registry/read';
import { orgPairings, type PairingUpdateInput, type PairingView } from '@ronghe/schema';
import { assertMay, assertVersion, notInFuture } from './guards.ts';
import { getPairing } from './pairing-get.ts';

/** Edits a pairing's date, agreement or contact, or ends it (`endedOn`); an ended pairing is history and stays as it is. */
export async function updatePairing({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: PairingUpdateInput } }): Promise<PairingView> {
  const [current] = await ctx.db.select().from(orgPairings).where(eq(orgPairings.id, input.id)).limit(1);
  if (!current) throw notFound('结对记录');
  const orgs = await organizationsById(ctx, [current.orgId, current.communityOrgId]);
  assertMay(ctx, 'pairing.manage', [...orgs.values()], '只能修改本单位、本级及下级党组织的结对');
  assertVersion(current.version, input.expectedVersion);
  if (current.status === 'ended') throw new AppError('conflict', '该结对已结束，不能再修改', { extra: { state: 'ended', reason: 'pairing_ended' } });
  const p = input.patch;
  const pairedOn = p.pairedOn ?? current.pairedOn;
  const errors: FieldError[] = [...(p.pairedOn ? notInFuture(ctx, p.pairedOn, 'body.pairedOn') : []), ...(p.endedOn ? notInFuture(ctx, p.endedOn, 'body.endedOn') : [])];
  if (p.endedOn && p.endedOn < pairedOn) errors.push({ path: 'body.endedOn', message: `结束日期不能早于结对日期（${pairedOn}）` });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const { endedOn, ...fields } = p;
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(orgPairings)
        .set({ ...fields, ...(endedOn ? { status: 'ended' as const, endedOn } : {}), version: current.version + 1, updatedAt: ctx.clock.now() })
        .where(and(eq(orgPairings.id, current.id), eq(orgPairings.version, current.version))),
      endedOn
        ? auditGuarded(ctx, { action: 'pairing.end', entityType: 'org_pairing', entityId: current.id, before: { status: current.status }, after: { status: 'ended', endedOn } })
        : auditGuarded(ctx, {
            action: 'pairing.update',
            entityType: 'org_pairing',
            entityId: current.id,
            // Which fields changed, never the contact's values (personal data).
            before: Object.fromEntries(Object.keys(fields).map((k) => [k, k === 'contactPhone' || k === 'contactName' ? '(个人信息)' : current[k as keyof typeof current]])),
            after: Object.fromEntries(Object.keys(fields).map((k) => [k, k === 'contactPhone' || k === 'contactName' ? '(已修改)' : fields[k as keyof typeof fields]])),
          }),
    ]),
  );
  return getPairing({ ctx, input: { id: current.id } });
}
