import type { Me, Role, Tenant } from '../api/types.ts';

// Mirrors the server's role matrix (packages/identity/src/access.ts) only to
// decide which buttons to show; the server still decides every request.

export interface Permissions {
  readOnly: boolean;
  canCreate: boolean;
  canImport: boolean;
  canExport: boolean;
  canDeactivate: boolean;
  canReadAudit: boolean;
  /** Whether an edit button makes sense for this organization. */
  canUpdate(orgId: string): boolean;
  /** Drafting an alliance: the county administrator, or a lead organization's secretary for their own organization. */
  canCreateAlliance: boolean;
  /** Organizations an alliance_admin may put in the lead (null: any, for the county administrator). */
  allianceLeadOrgs: ReadonlySet<string> | null;
  /** The 备案 inbox: the county and city organization departments. */
  canReadFilings: boolean;
  canAcknowledgeFilings: boolean;
  canManageRed: boolean;
  /** Organizations whose liaison this user is: they name their own alliance liaison. */
  liaisonOrgs: ReadonlySet<string>;
}

export function permissionsFor(tenant: Tenant | undefined, me: Me | null): Permissions {
  const roles = new Set<Role>(tenant?.roles ?? []);
  // In the city tenant a city_admin administers the city's own registry.
  if (tenant?.kind === 'city' && roles.has('city_admin')) roles.add('county_admin');
  const readOnly = !tenant || tenant.readOnly;
  const has = (...rs: Role[]) => rs.some((r) => roles.has(r));
  const liaisonOrgs = new Set(
    (me?.grants ?? [])
      .filter((g) => g.tenant === tenant?.slug && g.role === 'org_liaison' && g.scopeOrgId)
      .map((g) => g.scopeOrgId as string),
  );
  const writer = !readOnly && has('county_admin', 'committee_reviewer');
  const allianceAdminOrgs = new Set(
    (me?.grants ?? [])
      .filter((g) => g.tenant === tenant?.slug && g.role === 'alliance_admin' && g.scopeOrgId)
      .map((g) => g.scopeOrgId as string),
  );
  const countyAdmin = !readOnly && has('county_admin');
  // Alliances, their filings and red routes are kept by the counties, not by the city tenant.
  const county = tenant?.kind === 'county';
  return {
    readOnly,
    canCreate: writer,
    canImport: !readOnly && has('county_admin'),
    canExport: has('county_admin', 'city_admin', 'committee_reviewer'),
    canDeactivate: writer,
    canReadAudit: has('county_admin', 'city_admin'),
    canUpdate: (orgId) => writer || (!readOnly && liaisonOrgs.has(orgId)),
    canCreateAlliance: county && (countyAdmin || (!readOnly && allianceAdminOrgs.size > 0)),
    allianceLeadOrgs: countyAdmin ? null : allianceAdminOrgs,
    canReadFilings: county && has('county_admin', 'city_admin'),
    canAcknowledgeFilings: countyAdmin,
    canManageRed: countyAdmin,
    liaisonOrgs: readOnly ? new Set() : liaisonOrgs,
  };
}
