import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { AppError, auditGuarded, auditInsert, newId, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { alliances, organizations, type OrgCreateInput, type OrgUpdateInput, type Organization, type OrganizationView } from '@ronghe/schema';
import { findOrgRow } from './org-queries.ts';
import { externalProblems, qualityProblems, throwIfAny } from './org-rules.ts';
import { snapshot, toView } from './org-view.ts';

function assertAllowed(ctx: Ctx, action: 'org.create' | 'org.update' | 'org.deactivate', target: { orgId?: string; orgPath?: string }) {
  if (!allows(ctx.actor, action, target)) throw new AppError('forbidden', '当前角色无权对该党组织执行此操作');
}

async function loadParent(ctx: Ctx, parentId: string): Promise<Organization> {
  const parent = await ctx.db.query.organizations.findFirst({ where: eq(organizations.id, parentId) });
  if (!parent) {
    throw new AppError('validation_failed', '上级党组织不存在', { errors: [{ path: 'body.parentId', message: '上级党组织不存在' }] });
  }
  if (parent.status !== 'active') {
    throw new AppError('validation_failed', '上级党组织已停用', { errors: [{ path: 'body.parentId', message: '不能隶属于已停用的党组织' }] });
  }
  return parent;
}

async function assertUniqueAmongSiblings(ctx: Ctx, parentId: string | null, name: string, selfId?: string) {
  const clash = await ctx.db.query.organizations.findFirst({
    where: and(
      parentId ? eq(organizations.parentId, parentId) : sql`${organizations.parentId} IS NULL`,
      eq(organizations.name, name),
      eq(organizations.status, 'active'),
      selfId ? ne(organizations.id, selfId) : undefined,
    ),
    columns: { id: true },
  });
  if (clash) {
    throw new AppError('conflict', `同一上级下已有名为“${name}”的党组织`, {
      errors: [{ path: 'body.name', message: '同一上级下组织名称不能重复' }],
    });
  }
}

export async function createOrg({ ctx, input }: { ctx: Ctx; input: OrgCreateInput }): Promise<OrganizationView> {
  const parentId = input.parentId ?? null;
  const parent = parentId ? await loadParent(ctx, parentId) : null;
  // Creating a top-level organization is the county administrator's; scoped roles create beneath their own.
  assertAllowed(ctx, 'org.create', parent ? { orgId: parent.id, orgPath: parent.path } : {});
  const isExternal = input.isExternal ?? false;
  const state = { kind: input.kind, qualityStatus: input.qualityStatus ?? '未达标', weakFlag: input.weakFlag ?? false } as const;
  throwIfAny([
    ...qualityProblems(state),
    ...externalProblems({ isExternal, externalRegion: input.externalRegion ?? null, parentId }),
  ]);
  await assertUniqueAmongSiblings(ctx, parentId, input.name);

  const now = ctx.clock.now();
  const id = newId('org', now);
  const row: Organization = {
    id,
    parentId,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    name: input.name,
    kind: input.kind,
    domain: input.domain,
    divisionCode: input.divisionCode ?? null,
    isExternal,
    externalRegion: input.externalRegion ?? null,
    secretaryName: input.secretaryName ?? null,
    secretaryPhone: input.secretaryPhone ?? null,
    liaisonName: input.liaisonName ?? null,
    liaisonPhone: input.liaisonPhone ?? null,
    memberCount: input.memberCount ?? 0,
    qualityStatus: state.qualityStatus,
    weakFlag: state.weakFlag,
    status: 'active',
    deactivatedAt: null,
    deactivationReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(organizations).values(row),
    auditInsert(ctx, { action: 'org.create', entityType: 'organization', entityId: id, after: snapshot(row) }),
  ]);
  return toView({ ...row, parentName: parent?.name ?? null, childCount: 0 }, ctx.actor);
}

export async function getOrg({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<OrganizationView> {
  return toView(await findOrgRow(ctx, input.id), ctx.actor);
}

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
  if (parentChanged) {
    next.parentId = patch.parentId ?? null;
    next.path = `${newParent?.path ?? '/'}${current.id}/`;
    next.depth = newParent ? newParent.depth + 1 : 0;
  }
  throwIfAny([
    ...qualityProblems(next, current),
    ...externalProblems({ isExternal: next.isExternal, externalRegion: next.externalRegion, parentId: next.parentId }),
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
  const led = await ctx.db
    .select({ name: alliances.name })
    .from(alliances)
    .where(and(eq(alliances.leadOrgId, current.id), ne(alliances.status, 'dissolved')))
    .limit(3);
  if (led.length) {
    throw new AppError('conflict', `该党组织正牵头党建联合体“${led.map((a) => a.name).join('”“')}”，请先办理牵头党组织变更或撤销联合体`);
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

export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  kind: Organization['kind'];
  domain: Organization['domain'];
  status: Organization['status'];
  childCount: number;
}

/** The whole tenant as a flat list of nodes; the client nests them. */
export async function orgTree({ ctx, input }: { ctx: Ctx; input: { status?: 'active' | 'all' } }): Promise<TreeNode[]> {
  const rows = await ctx.db
    .select({
      id: organizations.id,
      parentId: organizations.parentId,
      name: organizations.name,
      kind: organizations.kind,
      domain: organizations.domain,
      status: organizations.status,
    })
    .from(organizations)
    .where(input.status === 'all' ? undefined : eq(organizations.status, 'active'))
    .orderBy(asc(organizations.depth), asc(organizations.name));
  const counts = new Map<string, number>();
  for (const r of rows) if (r.parentId && r.status === 'active') counts.set(r.parentId, (counts.get(r.parentId) ?? 0) + 1);
  return rows.map((r) => ({ ...r, childCount: counts.get(r.id) ?? 0 }));
}
