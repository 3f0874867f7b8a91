import { AppError, type Ctx } from '@ronghe/core';
import { allows, type Action, type Target } from '@ronghe/identity';
import type { Alliance } from '@ronghe/schema';

/** What the scope checks need to know about an alliance. */
export interface AllianceScope {
  id: string;
  leadOrgId: string;
  committeePath: string;
}

export function allianceTarget(a: AllianceScope, memberOrgId?: string): Target {
  return { allianceId: a.id, leadOrgId: a.leadOrgId, committeePath: a.committeePath, memberOrgId };
}

export function may(ctx: Ctx, action: Action, a: AllianceScope, memberOrgId?: string): boolean {
  return allows(ctx.actor, action, allianceTarget(a, memberOrgId));
}

export function assertMay(ctx: Ctx, action: Action, a: AllianceScope, memberOrgId?: string): void {
  if (!may(ctx, action, a, memberOrgId)) {
    const who =
      action === 'alliance.review'
        ? '只有批准该联合体的上级党(工)委审核人可以作出此决定'
        : '只有牵头党组织书记（联合体管理员）或旗县区委组织部管理员可以办理';
    throw new AppError('forbidden', who);
  }
}

export type AllianceWithScope = Alliance & { committeePath: string; leadOrgName: string; committeeOrgName: string };
