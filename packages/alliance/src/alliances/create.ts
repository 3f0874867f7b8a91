import { insertRows, AppError, auditInsert, newId, pinyinSortKey, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { allianceMembers, alliances, type Alliance, type AllianceCreateInput, type AllianceDetail } from '@ronghe/schema';
import { getAlliance } from './get.ts';
import { committeeErrors, loadOrgs, requireActiveOrg, today } from '../common.ts';
import { assertNameFree, snapshot } from './guards.ts';
import { eventInsert } from './events.ts';

export async function createAlliance({ ctx, input }: { ctx: Ctx; input: AllianceCreateInput }): Promise<AllianceDetail> {
  const memberInputs = input.members ?? [];
  const orgs = await loadOrgs(ctx, [input.leadOrgId, input.committeeOrgId, ...memberInputs.map((m) => m.orgId)]);
  const leadOrg = requireActiveOrg(orgs, input.leadOrgId, 'body.leadOrgId', '牵头党组织');
  // The lead's secretary may draft only for their own organization.
  if (!allows(ctx.actor, 'alliance.create', { orgId: leadOrg.id, orgPath: leadOrg.path })) {
    throw new AppError('forbidden', '只能以本党组织为牵头党组织起草联合体');
  }
  const committee = requireActiveOrg(orgs, input.committeeOrgId, 'body.committeeOrgId', '上级党(工)委');
  const errors: FieldError[] = [...committeeErrors(committee, leadOrg)];
  // An external organization takes part as a member, nothing more (DOMAIN.md, seed 003).
  if (leadOrg.isExternal) errors.push({ path: 'body.leadOrgId', message: `“${leadOrg.name}”是外部组织，只能作为成员单位，不能牵头` });
  const seen = new Set<string>([leadOrg.id]);
  memberInputs.forEach((m, i) => {
    const org = orgs.get(m.orgId);
    if (!org) errors.push({ path: `body.members.${i}.orgId`, message: '该党组织不存在' });
    else if (org.status !== 'active') errors.push({ path: `body.members.${i}.orgId`, message: `“${org.name}”已停用` });
    else if (seen.has(m.orgId)) errors.push({ path: `body.members.${i}.orgId`, message: `“${org.name}”重复或就是牵头党组织` });
    seen.add(m.orgId);
  });
  if (input.type === '党建联合体+' && !input.typeNote) errors.push({ path: 'body.typeNote', message: '请填写“党建联合体+”的具体名称' });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  await assertNameFree(ctx, input.name);

  const now = ctx.clock.now();
  const id = newId('aln', now);
  const row: Alliance = {
    id,
    name: input.name,
    sortKey: pinyinSortKey(input.name),
    type: input.type,
    typeNote: input.typeNote ?? null,
    model: input.model,
    pairingForm: input.pairingForm,
    vision: input.vision,
    commonNeeds: input.commonNeeds,
    leadOrgId: leadOrg.id,
    committeeOrgId: committee.id,
    status: 'draft',
    houseRules: input.houseRules ?? [],
    consortium: input.consortium ?? null,
    appliedOn: null,
    approvedOn: null,
    foundedOn: null,
    startedOn: null,
    dissolvedOn: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  // Rows are ordered by createdAt on the detail page: keep the order the lead gave.
  const memberRow = (orgId: string, role: 'lead' | 'member', m?: (typeof memberInputs)[number], i = 0) => ({
    id: newId('alm', now + i),
    allianceId: id,
    orgId,
    role,
    consortiumRole: m?.consortiumRole ?? null,
    contributionBp: m?.contributionBp ?? 0,
    liaisonName: m?.liaisonName ?? null,
    liaisonPhone: m?.liaisonPhone ?? null,
    liaisonPartyMember: m?.liaisonPartyMember ?? false,
    joinedOn: null,
    leftOn: null,
    leaveReason: null,
    version: 1,
    createdAt: now + i,
    updatedAt: now,
  });
  const members = [memberRow(leadOrg.id, 'lead'), ...memberInputs.map((m, i) => memberRow(m.orgId, 'member', m, i + 1))];
  await writeBatch(ctx.db, [
    ctx.db.insert(alliances).values(row),
    // Up to 201 members: one JSON value per statement, not 14 parameters a member (D1 allows 100).
    ...insertRows(allianceMembers, members),
    eventInsert(ctx, { allianceId: id, action: 'create', fromStatus: null, toStatus: 'draft', onDate: today(ctx) }),
    auditInsert(ctx, { action: 'alliance.create', entityType: 'alliance', entityId: id, after: { ...snapshot(row), members: members.map((m) => m.orgId) } }),
  ]);
  return getAlliance({ ctx, input: { id } });
}
