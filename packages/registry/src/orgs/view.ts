import { maskPhone, type Actor } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import type { Organization, OrganizationView } from '@ronghe/schema';

export type OrgRow = Organization & { parentName: string | null; childCount: number };

/** The API shape of an organization; phones are masked unless the actor may see them. */
export function toView(row: OrgRow, actor: Actor): OrganizationView {
  const target = { orgId: row.id, orgPath: row.path };
  const full = allows(actor, 'org.read_pii', target);
  return {
    id: row.id,
    parentId: row.parentId,
    parentName: row.parentName,
    name: row.name,
    kind: row.kind,
    domain: row.domain,
    divisionCode: row.divisionCode,
    isExternal: row.isExternal,
    externalRegion: row.externalRegion,
    secretaryName: row.secretaryName,
    secretaryPhone: full ? row.secretaryPhone : maskPhone(row.secretaryPhone),
    liaisonName: row.liaisonName,
    liaisonPhone: full ? row.liaisonPhone : maskPhone(row.liaisonPhone),
    memberCount: row.memberCount,
    qualityStatus: row.qualityStatus,
    qualityYear: row.qualityYear,
    qualityDesignatedBy: row.qualityDesignatedBy,
    weakFlag: row.weakFlag,
    status: row.status,
    deactivatedAt: row.deactivatedAt,
    deactivationReason: row.deactivationReason,
    depth: row.depth,
    childCount: row.childCount,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    phonesMasked: !full,
    can: {
      update: row.status === 'active' && allows(actor, 'org.update', target),
      deactivate: allows(actor, 'org.deactivate', target),
    },
  };
}

/** The audit snapshot of an organization: the stored row without derived fields (the sort key follows the name). */
export function snapshot(row: Organization): Record<string, unknown> {
  const { path: _path, depth: _depth, sortKey: _sortKey, ...rest } = row;
  return rest;
}
