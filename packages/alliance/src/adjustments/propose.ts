import { AppError, auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { allianceAdjustments, isAncestorOf, type AdjustmentCreateInput, type AdjustmentPayload, type AllianceDetail } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { getAlliance } from '../alliances/get.ts';
import { loadAllianceParts, type AllianceParts } from '../alliances/parts.ts';
import { loadOrgs, requireActiveOrg } from '../common.ts';
import { ADJUSTABLE } from '../state-machine.ts';

export function assertAdjustable(status: string) {
  if (!ADJUSTABLE.includes(status as never)) throw new AppError('conflict', '只有运行中或规范整顿中的联合体可以调整');
}

/** Checks a proposal against the alliance as it is now; the same check runs again when it is decided. */
export async function validatePayload(ctx: Ctx, parts: AllianceParts, p: AdjustmentPayload): Promise<void> {
  const current = parts.members.filter((r) => r.m.leftOn === null);
  switch (p.kind) {
    case 'member_join': {
      const org = requireActiveOrg(await loadOrgs(ctx, [p.orgId]), p.orgId, 'body.orgId', '加入的党组织');
      if (current.some((r) => r.m.orgId === org.id)) throw new AppError('conflict', `“${org.name}”已是该联合体成员`, { errors: [{ path: 'body.orgId', message: '已是成员' }] });
      return;
    }
    case 'member_leave': {
      const row = current.find((r) => r.m.id === p.memberId);
      if (!row) throw new AppError('validation_failed', '该成员不存在或已退出', { errors: [{ path: 'body.memberId', message: '请选择一个现有成员' }] });
      if (row.m.role === 'lead') throw new AppError('conflict', '牵头党组织不能退出；请先办理牵头党组织变更', { errors: [{ path: 'body.memberId', message: '牵头党组织不能退出' }] });
      if (current.length <= 2) throw new AppError('conflict', '退出后联合体将只剩 1 个党组织；如不再联建，请由上级党(工)委撤销');
      return;
    }
    case 'lead_change': {
      const row = current.find((r) => r.m.orgId === p.orgId);
      if (!row) throw new AppError('validation_failed', '新的牵头党组织应是联合体现有成员', { errors: [{ path: 'body.orgId', message: '请选择一个现有成员' }] });
      if (row.m.role === 'lead') throw new AppError('conflict', '该党组织已是牵头党组织', { errors: [{ path: 'body.orgId', message: '已是牵头党组织' }] });
      if (row.orgStatus !== 'active') throw new AppError('conflict', `“${row.orgName}”已停用，不能牵头`);
      // An external member only ever takes part (DOMAIN.md): it never leads.
      const orgs = await loadOrgs(ctx, [p.orgId, parts.alliance.committeeOrgId]);
      const org = orgs.get(p.orgId)!;
      if (org.isExternal) throw new AppError('validation_failed', '外部组织只能作为成员单位，不能牵头', { errors: [{ path: 'body.orgId', message: `“${org.name}”是外部组织，不能担任牵头党组织` }] });
      // The approving committee stays a committee above the lead (seed 000 7.1, 8.3): a new
      // lead outside its tree would leave the alliance under a committee that is not its own.
      const committee = orgs.get(parts.alliance.committeeOrgId);
      if (committee && !isAncestorOf(committee, org)) {
        throw new AppError('validation_failed', '新的牵头党组织应隶属于批准设立联合体的上级党(工)委', {
          errors: [{ path: 'body.orgId', message: `“${org.name}”不隶属于“${committee.name}”，不能担任牵头党组织` }],
        });
      }
      return;
    }
    case 'type_change': {
      if (p.type === parts.alliance.type && (p.typeNote ?? null) === parts.alliance.typeNote) throw new AppError('conflict', '类型没有变化', { errors: [{ path: 'body.type', message: '与现在的类型相同' }] });
      if (p.type === '党建联合体+' && !p.typeNote) throw new AppError('validation_failed', '请填写“党建联合体+”的具体名称', { errors: [{ path: 'body.typeNote', message: '请填写具体名称' }] });
      return;
    }
  }
}

export async function proposeAdjustment({ ctx, input }: { ctx: Ctx; input: { id: string; adjustment: AdjustmentCreateInput } }): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  assertMay(ctx, 'alliance.adjust', a);
  assertAdjustable(a.status);
  const { reason, ...payload } = input.adjustment;
  await validatePayload(ctx, parts, payload as AdjustmentPayload);
  const now = ctx.clock.now();
  const row = {
    id: newId('adj', now),
    allianceId: a.id,
    kind: payload.kind,
    payload: payload as AdjustmentPayload,
    reason,
    status: 'proposed' as const,
    proposedById: ctx.actor.userId,
    proposedByName: ctx.actor.displayName,
    proposedAt: now,
    version: 1,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(allianceAdjustments).values(row),
    auditInsert(ctx, { action: 'alliance.adjustment_propose', entityType: 'alliance_adjustment', entityId: row.id, after: { allianceId: a.id, ...payload, reason } }),
  ]);
  return getAlliance({ ctx, input: { id: a.id } });
}
