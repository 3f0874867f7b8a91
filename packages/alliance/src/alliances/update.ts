import { and, eq, sql } from 'drizzle-orm';
import { AppError, newId, runGuarded, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { allianceMembers, type Alliance, type AllianceDetail, type AllianceUpdateInput } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { findAlliance } from './parts.ts';
import { getAlliance } from './get.ts';
import { assertVersion, bumpAlliance, committeeErrors, loadOrgs, requireActiveOrg } from '../common.ts';
import { EDITABLE_FILE } from '../state-machine.ts';
import { assertNameFree, pick } from './guards.ts';

/** Fields that define what the alliance is: fixed once applied (a type change is an adjustment). */
const STRUCTURAL = ['type', 'typeNote', 'model', 'pairingForm', 'leadOrgId', 'committeeOrgId'] as const;

export async function updateAlliance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; expectedVersion: number; patch: AllianceUpdateInput };
}): Promise<AllianceDetail> {
  // Editing the alliance's own fields needs only its row, not members, documents and timeline.
  const a = await findAlliance(ctx, input.id);
  assertMay(ctx, 'alliance.manage', a);
  if (a.status === 'dissolved') throw new AppError('conflict', '已撤销的联合体不能修改');
  if (a.status === 'applied') throw new AppError('conflict', '申请审批期间不能修改，如需修改请先撤回申请');
  assertVersion(a.version, input.expectedVersion);
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as AllianceUpdateInput;
  const structural = STRUCTURAL.filter((k) => k in patch);
  if (structural.length && !EDITABLE_FILE.includes(a.status)) {
    throw new AppError('conflict', '联合体批准后，类型、模式、牵头单位和审批单位只能通过“调整”办理', {
      errors: structural.map((k) => ({ path: `body.${k}`, message: '批准后不能直接修改，请提出调整' })),
    });
  }
  const next = { ...a, ...patch };
  const errors: FieldError[] = [];
  const orgs = await loadOrgs(ctx, [next.leadOrgId, next.committeeOrgId]);
  if (patch.leadOrgId) {
    const leadOrg = requireActiveOrg(orgs, patch.leadOrgId, 'body.leadOrgId', '牵头党组织');
    if (!allows(ctx.actor, 'alliance.create', { orgId: leadOrg.id, orgPath: leadOrg.path })) {
      throw new AppError('forbidden', '只能以本党组织为牵头党组织');
    }
  }
  if (patch.committeeOrgId || patch.leadOrgId) {
    const leadOrg = requireActiveOrg(orgs, next.leadOrgId, 'body.leadOrgId', '牵头党组织');
    if (leadOrg.isExternal) errors.push({ path: 'body.leadOrgId', message: `“${leadOrg.name}”是外部组织，只能作为成员单位，不能牵头` });
    errors.push(...committeeErrors(requireActiveOrg(orgs, next.committeeOrgId, 'body.committeeOrgId', '上级党(工)委'), leadOrg));
  }
  if (next.type === '党建联合体+' && !next.typeNote) errors.push({ path: 'body.typeNote', message: '请填写“党建联合体+”的具体名称' });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  if (patch.name) await assertNameFree(ctx, patch.name, a.id);

  const statements: Statement[] = [
    ...bumpAlliance(ctx, a, patch as Partial<Alliance>, { action: 'alliance.update', before: pick(a, Object.keys(patch)), after: patch }),
  ];
  if (patch.leadOrgId && patch.leadOrgId !== a.leadOrgId) {
    // In a draft, members are proposals: the new lead replaces the old one's row (and its own member row, if any).
    const now = ctx.clock.now();
    statements.push(
      ctx.db.delete(allianceMembers).where(and(eq(allianceMembers.allianceId, a.id), sql`${allianceMembers.orgId} IN (${a.leadOrgId}, ${patch.leadOrgId})`)),
      ctx.db.insert(allianceMembers).values({
        id: newId('alm', now),
        allianceId: a.id,
        orgId: patch.leadOrgId,
        role: 'lead',
        contributionBp: 0,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  await runGuarded(() => writeBatch(ctx.db, statements));
  return getAlliance({ ctx, input: { id: a.id } });
}
