import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { organizations, type Organization, type OrganizationView } from '@ronghe/schema';
import { findOrgRow } from './rows.ts';
import { snapshot, toView } from './view.ts';
import { assertAllowed, assertUniqueAmongSiblings } from './guards.ts';

export async function reactivateOrg({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; expectedVersion: number };
}): Promise<OrganizationView> {
  const current = await findOrgRow(ctx, input.id);
  assertAllowed(ctx, 'org.deactivate', { orgId: current.id, orgPath: current.path });
  if (current.version !== input.expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  if (current.status === 'active') throw new AppError('conflict', '该党组织已是在用状态');
  if (current.parentId) {
    const parent = await ctx.db.query.organizations.findFirst({ where: eq(organizations.id, current.parentId), columns: { status: true } });
    if (parent?.status !== 'active') throw new AppError('conflict', '上级党组织已停用，请先启用上级或调整隶属关系');
  }
  await assertUniqueAmongSiblings(ctx, current.parentId, current.name, current.id);
  const now = ctx.clock.now();
  const { parentName: _p, childCount: _c, ...stored } = current;
  const next: Organization = { ...stored, status: 'active', deactivatedAt: null, deactivationReason: null, version: current.version + 1, updatedAt: now };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(organizations)
        .set({ status: 'active', deactivatedAt: null, deactivationReason: null, version: next.version, updatedAt: now })
        .where(and(eq(organizations.id, current.id), eq(organizations.version, input.expectedVersion))),
      auditGuarded(ctx, { action: 'org.reactivate', entityType: 'organization', entityId: current.id, before: snapshot(stored), after: snapshot(next) }),
    ]),
  );
  return toView({ ...next, parentName: current.parentName, childCount: current.childCount }, ctx.actor);
}
