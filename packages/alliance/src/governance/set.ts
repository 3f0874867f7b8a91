import { eq } from 'drizzle-orm';
import { AppError, insertRows, newId, runGuarded, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import { allianceGovernanceSeats, GOVERNANCE_LAYERS, type AllianceDetail, type GovernanceInput } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { getAlliance } from '../alliances/get.ts';
import { loadAllianceParts } from '../alliances/parts.ts';
import { FOUNDED } from '../alliances/list.ts';
import { assertVersion, bumpAlliance, problemsError } from '../common.ts';
import { GOVERNANCE_EDITABLE } from '../state-machine.ts';

/**
 * Replaces the 议事机构 (seed 000 8.1) as a whole: people sit in the three
 * layers for the member organizations (or the approving committee, whose
 * secretary heads a governance community, seed 000 10.2.3).
 */
export async function setGovernance({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; governance: GovernanceInput } }): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  assertMay(ctx, 'alliance.manage', a);
  if (!GOVERNANCE_EDITABLE.includes(a.status)) {
    throw new AppError('conflict', a.status === 'applied' ? '申请审批期间不能修改议事机构' : '已撤销的联合体不能修改议事机构');
  }
  assertVersion(a.version, input.expectedVersion);
  const allowedOrgs = new Set([...parts.members.filter((r) => r.m.leftOn === null).map((r) => r.m.orgId), a.committeeOrgId]);
  const errors: FieldError[] = [];
  input.governance.seats.forEach((s, i) => {
    if (s.orgId && !allowedOrgs.has(s.orgId)) errors.push({ path: `body.seats.${i}.orgId`, message: '所在党组织应是联合体成员或审批的上级党(工)委' });
  });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  // Once founded, the three staffed layers are a standing condition (seed 000 8.1), not only a gate: an edit may not empty one.
  if (FOUNDED.includes(a.status)) {
    const empty = GOVERNANCE_LAYERS.filter((layer) => !input.governance.seats.some((s) => s.layer === layer));
    if (empty.length) {
      throw problemsError(
        '已成立的联合体须保持决策层、协调层、执行层三层议事机构',
        empty.map((layer) => ({ code: 'governance.layer', message: `议事机构缺少${layer}人员` })),
      );
    }
  }
  const before = parts.seats.map((r) => ({ layer: r.s.layer, post: r.s.post, personName: r.s.personName, orgId: r.s.orgId }));
  const seats = input.governance.seats.map((s, i) => ({
    id: newId('ags', ctx.clock.now()),
    allianceId: a.id,
    layer: s.layer,
    post: s.post,
    personName: s.personName,
    orgId: s.orgId ?? null,
    sortOrder: i,
  }));
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ...bumpAlliance(ctx, a, {}, { action: 'alliance.governance', before, after: input.governance.seats }),
      ctx.db.delete(allianceGovernanceSeats).where(eq(allianceGovernanceSeats.allianceId, a.id)),
      // Up to 80 seats: one JSON value per statement, not 7 parameters a seat (D1 allows 100).
      ...insertRows(allianceGovernanceSeats, seats),
    ]),
  );
  return getAlliance({ ctx, input: { id: a.id } });
}
