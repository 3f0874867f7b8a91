import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { liveAlliancesLedBy } from '@ronghe/alliance/read';
import { organizations, type Organization, type OrganizationView } from '@ronghe/schema';
import { findOrgRow } from './rows.ts';
import { snapshot, toView } from './view.ts';
import { assertAllowed } from './guards.ts';

export async function deactivateOrg({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; expectedVersion: number; reason: string };
}): Promise<OrganizationView> {
  const current = await findOrgRow(ctx, input.id);
  assertAllowed(ctx, 'org.deactivate', { orgId: current.id, orgPath: current.path });
  if (current.version !== input.expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  if (current.status === 'inactive') throw new AppError('conflict', '该党组织已是停用状态');
  if (current.childCount > 0) {
    throw new AppError('conflict', `该党组织下还有 ${current.childCount} 个在用的下级组织，请先停用或调整其隶属关系`);
  }
  // A lead organization carries its alliances: they must change lead or be dissolved first.
  const led = await liveAlliancesLedBy(ctx, current.id, 3);
  if (led.length) {
    throw new AppError('conflict', `该党组织正牵头党建联合体“${led.join('”“')}”，请先办理牵头党组织变更或撤销联合体`);
  }
  const now = ctx.clock.now();
  const { parentName: _p, childCount: _c, ...stored } = current;
  const next: Organization = { ...stored, status: 'inactive', deactivatedAt: now, deactivationReason: input.reason, version: current.version + 1, updatedAt: now };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(organizations)
        .set({ status: 'inactive', deactivatedAt: now, deactivationReason: input.reason, version: next.version, updatedAt: now })
        .where(and(eq(organizations.id, current.id), eq(organizations.version, input.expectedVersion))),
      auditGuarded(ctx, { action: 'org.deactivate', entityType: 'organization', entityId: current.id, before: snapshot(stored), after: snapshot(next) }),
    ]),
  );
  return toView({ ...next, parentName: current.parentName, childCount: 0 }, ctx.actor);
}
