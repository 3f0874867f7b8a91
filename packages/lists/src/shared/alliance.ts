import { AppError, type Ctx } from '@ronghe/core';
import { loadAllianceRefs, type AllianceRef } from '@ronghe/alliance/read';
import { allows, type Action } from '@ronghe/identity';
import type { AllianceStatus } from '@ronghe/schema';

// The lists' view of an alliance comes from the alliance capability's read.ts (ADR 0010).
export { currentMemberIds, loadAllianceRefs, type AllianceRef } from '@ronghe/alliance/read';

/** A list row's alliance ref, from the columns `allianceScopeJoin` put in its select. */
export function allianceRefOf(
  allianceId: string,
  r: { allianceName: string; allianceStatus: string; leadOrgId: string; committeeOrgId: string; committeePath: string },
): AllianceRef {
  return { id: allianceId, name: r.allianceName, status: r.allianceStatus as AllianceStatus, leadOrgId: r.leadOrgId, committeeOrgId: r.committeeOrgId, committeePath: r.committeePath };
}

/** Alliances whose lists are open for new needs, resources and projects. */
export const LISTS_OPEN: readonly AllianceStatus[] = ['established', 'active', 'rectifying'];

/** The alliance a request names in its body: a missing one is a field error, not a 404 of the route. */
export async function requireAlliance(ctx: Ctx, id: string, path = 'body.allianceId'): Promise<AllianceRef> {
  const a = (await loadAllianceRefs(ctx, [id])).get(id);
  if (!a) throw new AppError('validation_failed', '党建联合体不存在', { errors: [{ path, message: '党建联合体不存在' }] });
  return a;
}

export function assertListsOpen(a: AllianceRef, path = 'body.allianceId'): void {
  if (!LISTS_OPEN.includes(a.status)) {
    throw new AppError('conflict', `联合体“${a.name}”尚未组建或已撤销，不能登记清单`, {
      errors: [{ path, message: '只有已组建、运行中或整顿中的联合体可以登记需求、资源和项目' }],
    });
  }
}

export function scopeTarget(a: AllianceRef, memberOrgId?: string | null) {
  return { allianceId: a.id, leadOrgId: a.leadOrgId, committeePath: a.committeePath, memberOrgId: memberOrgId ?? undefined };
}

export function mayOn(ctx: Ctx, action: Action, a: AllianceRef, memberOrgId?: string | null): boolean {
  return allows(ctx.actor, action, scopeTarget(a, memberOrgId));
}

/** Organizations a scoped user may act for in an alliance: their grants' organizations that are current members. */
export function grantOrgIds(ctx: Ctx): string[] {
  return [...new Set(ctx.actor.grants.map((g) => g.scopeOrgId).filter((x): x is string => !!x))];
}
