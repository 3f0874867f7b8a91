import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError, auditGuarded, pinyinSortKey, runGuarded, shanghaiDate, writeBatch, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { organizations, STRONGEST_STATUSES, type OrgUpdateInput, type Organization, type OrganizationView } from '@ronghe/schema';
import { findOrgRow } from './rows.ts';
import { strongestInForceOf } from '@ronghe/honours/read';
import { designatingBody, domainProblems, externalProblems, qualityProblems, strongestByEditRefusal, strongestLoweredByEditRefusal, throwIfAny } from './rules.ts';
import { snapshot, toView } from './view.ts';
import { assertAllowed, loadParent, assertUniqueAmongSiblings } from './guards.ts';

/** Fields an org liaison may change on their own organization: contacts and headcount only. */
const LIAISON_FIELDS = new Set(['secretaryName', 'secretaryPhone', 'liaisonName', 'liaisonPhone', 'memberCount']);

export async function updateOrg({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; expectedVersion: number; patch: OrgUpdateInput };
}): Promise<OrganizationView> {
  const current = await findOrgRow(ctx, input.id);
  assertAllowed(ctx, 'org.update', { orgId: current.id, orgPath: current.path });
  const patch = input.patch;
  // A liaison's right covers only contacts and headcount; broader roles are not narrowed.
  const withoutLiaison = { ...ctx.actor, grants: ctx.actor.grants.filter((g) => g.role !== 'org_liaison') };
  const onlyLiaison = !allows(withoutLiaison, 'org.update', { orgId: current.id, orgPath: current.path });
  if (onlyLiaison) {
    const refused = Object.keys(patch).filter((k) => !LIAISON_FIELDS.has(k));
    if (refused.length) {
      throw new AppError('forbidden', '联络员只能修改本组织的书记、联络员信息和党员人数', {
        errors: refused.map((k) => ({ path: `body.${k}`, message: '联络员无权修改此字段' })),
      });
    }
  }
  if (current.version !== input.expectedVersion) {
    throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  }
  if (current.status !== 'active') throw new AppError('conflict', '已停用的党组织不能修改，请先启用');

  const parentChanged = patch.parentId !== undefined && patch.parentId !== current.parentId;
  let newParent: Organization | null = null;
  if (parentChanged && patch.parentId) {
    newParent = await loadParent(ctx, patch.parentId);
    if (newParent.path.includes(`/${current.id}/`)) {
      throw new AppError('validation_failed', '不能把党组织调整到它自己的下级之下', {
        errors: [{ path: 'body.parentId', message: '上级不能是本组织或其下级' }],
      });
    }
    // Moving into a subtree needs the right there too.
    assertAllowed(ctx, 'org.update', { orgId: newParent.id, orgPath: newParent.path });
  } else if (parentChanged && !allows(ctx.actor, 'org.create', {})) {
    throw new AppError('forbidden', '只有旗县区管理员可以把党组织设为顶层组织');
  }

  // Audit snapshots compare stored columns only, never the derived parentName / childCount.
  const { parentName: _p, childCount: _c, ...stored } = current;
  const next: Organization = {
    ...stored,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  } as Organization;
  next.sortKey = pinyinSortKey(next.name);
  if (next.qualityStatus !== current.qualityStatus) {
    // A designation in force above the new status is revoked through honours (its refusal names that path first).
    if ((STRONGEST_STATUSES as readonly string[]).includes(current.qualityStatus)) {
      const lowered = strongestLoweredByEditRefusal(next, current.qualityStatus, await strongestInForceOf(ctx, current.id, current.qualityYear));
      if (lowered) throw lowered;
    }
    const refused = strongestByEditRefusal(next.qualityStatus, current.qualityStatus);
    if (refused) throw refused;
    // The registry records who designated and when (seed 004 四(三)); a lowering keeps no designation.
    next.qualityYear = next.qualityStatus === '未达标' ? null : Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
    next.qualityDesignatedBy = designatingBody(next.qualityStatus, ctx.tenant);
  }
  if (parentChanged) {
    next.parentId = patch.parentId ?? null;
    next.path = `${newParent?.path ?? '/'}${current.id}/`;
    next.depth = newParent ? newParent.depth + 1 : 0;
  }
  throwIfAny([
    ...qualityProblems(next, current),
    ...externalProblems({ isExternal: next.isExternal, externalRegion: next.externalRegion, parentId: next.parentId }),
    ...domainProblems(next.domain, ctx.tenant.kind, current.domain),
  ]);
  if (patch.name !== undefined || parentChanged) await assertUniqueAmongSiblings(ctx, next.parentId, next.name, current.id);

  const statements = [
    ctx.db
      .update(organizations)
      .set({ ...next, id: undefined })
      .where(and(eq(organizations.id, current.id), eq(organizations.version, input.expectedVersion))),
    auditGuarded(ctx, { action: 'org.update', entityType: 'organization', entityId: current.id, before: snapshot(stored), after: snapshot(next) }),
  ];
  if (parentChanged) {
    // Descendants keep their place under the moved organization: rewrite the path prefix and depth.
    const oldPrefix = current.path;
    await runGuarded(() =>
      writeBatch(ctx.db, [
        ...statements,
        ctx.db
          .update(organizations)
          .set({
            path: sql`${next.path} || substr(${organizations.path}, ${oldPrefix.length + 1})`,
            depth: sql`${organizations.depth} + ${next.depth - current.depth}`,
          })
          .where(and(sql`substr(${organizations.path}, 1, ${oldPrefix.length}) = ${oldPrefix}`, ne(organizations.id, current.id))),
      ]),
    );
  } else {
    await runGuarded(() => writeBatch(ctx.db, statements));
  }
  return toView(await findOrgRow(ctx, current.id), ctx.actor);
}
