import { auditInsert, newId, pinyinSortKey, writeBatch, type Ctx } from '@ronghe/core';
import { organizations, type OrgCreateInput, type Organization, type OrganizationView } from '@ronghe/schema';
import { domainProblems, externalProblems, newOrgQualityProblems, qualityProblems, throwIfAny } from './rules.ts';
import { snapshot, toView } from './view.ts';
import { assertAllowed, loadParent, assertUniqueAmongSiblings } from './guards.ts';

export async function createOrg({ ctx, input }: { ctx: Ctx; input: OrgCreateInput }): Promise<OrganizationView> {
  const parentId = input.parentId ?? null;
  const parent = parentId ? await loadParent(ctx, parentId) : null;
  // Creating a top-level organization is the county administrator's; scoped roles create beneath their own.
  assertAllowed(ctx, 'org.create', parent ? { orgId: parent.id, orgPath: parent.path } : {});
  const isExternal = input.isExternal ?? false;
  const state = { kind: input.kind, qualityStatus: input.qualityStatus ?? '未达标', weakFlag: input.weakFlag ?? false } as const;
  throwIfAny([
    ...qualityProblems(state),
    ...newOrgQualityProblems(state.qualityStatus, null),
    ...externalProblems({ isExternal, externalRegion: input.externalRegion ?? null, parentId }),
    ...domainProblems(input.domain, ctx.tenant.kind),
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
    sortKey: pinyinSortKey(input.name),
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
    qualityYear: null,
    qualityDesignatedBy: null,
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
