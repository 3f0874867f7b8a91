import type { Role, Tenant } from '../api/types.ts';

// Which buttons of the three lists make sense for the user's roles, mirroring
// the server's matrix (packages/identity/src/access.ts: need.create,
// resource.manage, category.manage, match.run, match.accept). The server
// still decides every request; on an object the view's `can` is authoritative.

export interface ListPermissions {
  canCreateNeed: boolean;
  canCreateResource: boolean;
  canManageCategories: boolean;
  canRunMatching: boolean;
  /** A county-wide assignment needs a tenant grant. */
  canMatchCounty: boolean;
  canAcceptMatch: boolean;
}

export function listPermissionsFor(tenant: Tenant | undefined): ListPermissions {
  const roles = new Set<Role>(tenant?.roles ?? []);
  const writable = !!tenant && !tenant.readOnly && tenant.kind === 'county';
  const has = (...rs: Role[]) => rs.some((r) => roles.has(r));
  return {
    canCreateNeed: writable && has('county_admin', 'alliance_admin', 'committee_reviewer', 'org_liaison'),
    canCreateResource: writable && has('county_admin', 'alliance_admin', 'org_liaison'),
    canManageCategories: writable && has('county_admin'),
    canRunMatching: !!tenant && tenant.kind === 'county' && has('county_admin', 'alliance_admin', 'committee_reviewer'),
    canMatchCounty: !!tenant && tenant.kind === 'county' && has('county_admin'),
    canAcceptMatch: writable && has('county_admin', 'alliance_admin'),
  };
}
