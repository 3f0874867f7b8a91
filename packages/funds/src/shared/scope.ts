import { allows, type Action } from '@ronghe/identity';
import { currentMemberIds, loadAllianceRefs, type AllianceRef } from '@ronghe/alliance/read';
import { forbidden, notFound, type Ctx } from '@ronghe/core';

/** The alliance a ledger belongs to; an id of another county (or none) is 404. */
export async function loadAlliance(ctx: Ctx, id: string): Promise<AllianceRef> {
  const a = (await loadAllianceRefs(ctx, [id])).get(id);
  if (!a) throw notFound('党建联合体');
  return a;
}

const target = (a: AllianceRef, memberOrgId?: string) => ({ allianceId: a.id, leadOrgId: a.leadOrgId, committeePath: a.committeePath, memberOrgId });

/**
 * Whether the actor may take a funds action on this alliance's ledger. A
 * member-scoped grant covers it only when the grant's organization is a
 * CURRENT member (it contributes by 出资比例); that needs one read, made only
 * when no other grant already covers the alliance.
 */
export async function mayOnLedger(ctx: Ctx, action: Action, a: AllianceRef): Promise<boolean> {
  if (allows(ctx.actor, action, target(a))) return true;
  const scoped = ctx.actor.grants.filter((g) => g.scopeOrgId);
  if (!scoped.length) return false;
  const members = await currentMemberIds(ctx, a.id);
  return scoped.some((g) => members.has(g.scopeOrgId!) && allows({ ...ctx.actor, grants: [g] }, action, target(a, g.scopeOrgId!)));
}

export async function assertMayRead(ctx: Ctx, a: AllianceRef): Promise<void> {
  if (!(await mayOnLedger(ctx, 'fund.read', a))) throw forbidden('联合体经费只对其牵头单位、成员单位、上级党(工)委和旗县区开放');
}

export async function assertMayRecord(ctx: Ctx, a: AllianceRef): Promise<void> {
  if (!(await mayOnLedger(ctx, 'fund.record', a))) throw forbidden('只有联合体牵头单位和旗县区委组织部可以记账');
}
