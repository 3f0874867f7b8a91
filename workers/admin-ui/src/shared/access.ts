import type { Role, Tenant } from '../api/types.ts';

// Which administration pages a user may open, mirroring the server's matrix
// (packages/identity/src/access.ts) only to decide what to show.

const has = (tenant: Tenant | undefined, role: Role) => !!tenant && tenant.roles.includes(role);

/** county_admin in a county; in the city tenant its city_admin manages the city's own accounts. */
export function mayManageAccounts(tenant: Tenant | undefined): boolean {
  if (!tenant || tenant.readOnly) return false;
  return tenant.kind === 'city' ? has(tenant, 'city_admin') : has(tenant, 'county_admin');
}

/** Public API keys open one county's registry to third parties, so only a county issues them. */
export function mayManageApiKeys(tenant: Tenant | undefined): boolean {
  return !!tenant && !tenant.readOnly && tenant.kind === 'county' && has(tenant, 'county_admin');
}

/** The city tenant, when this user administers it (the rollup is theirs alone). */
export function cityAdminTenant(tenants: readonly Tenant[]): Tenant | undefined {
  return tenants.find((t) => t.kind === 'city' && t.roles.includes('city_admin'));
}
