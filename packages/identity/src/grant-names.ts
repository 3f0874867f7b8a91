import { alliances, organizations, type Role } from '@ronghe/schema';
import { inList, type TenantDb } from '@ronghe/core';

/** A grant as the session holds it. */
export interface ScopedGrant {
  tenant: string;
  role: Role;
  scopeOrgId: string | null;
  scopeAllianceId: string | null;
}

export interface NamedGrant extends ScopedGrant {
  /** The scope organization's name, read from its tenant's registry (null: no scope, or it no longer exists). */
  scopeOrgName: string | null;
  scopeAllianceName: string | null;
}

/**
 * The session's grants with the names of the organizations and alliances they
 * are scoped to, so a person sees who they act as (铁南街道党工委 · 审核人)
 * rather than an id. The names live in each tenant's own database: one read
 * per tenant that has scoped grants (a person usually holds roles in one).
 */
export async function nameGrants({ grants, dbOf }: { grants: readonly ScopedGrant[]; dbOf: (tenant: string) => TenantDb | undefined }): Promise<NamedGrant[]> {
  const tenants = [...new Set(grants.filter((g) => g.scopeOrgId || g.scopeAllianceId).map((g) => g.tenant))];
  const names = new Map<string, string>();
  await Promise.all(
    tenants.map(async (slug) => {
      const db = dbOf(slug);
      if (!db) return;
      const here = grants.filter((g) => g.tenant === slug);
      const orgIds = [...new Set(here.map((g) => g.scopeOrgId).filter((x): x is string => !!x))];
      const allianceIds = [...new Set(here.map((g) => g.scopeAllianceId).filter((x): x is string => !!x))];
      const [orgs, alls] = await Promise.all([
        orgIds.length ? db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inList(organizations.id, orgIds)) : [],
        allianceIds.length ? db.select({ id: alliances.id, name: alliances.name }).from(alliances).where(inList(alliances.id, allianceIds)) : [],
      ]);
      for (const o of [...orgs, ...alls]) names.set(`${slug}:${o.id}`, o.name);
    }),
  );
  return grants.map((g) => ({
    ...g,
    scopeOrgName: g.scopeOrgId ? (names.get(`${g.tenant}:${g.scopeOrgId}`) ?? null) : null,
    scopeAllianceName: g.scopeAllianceId ? (names.get(`${g.tenant}:${g.scopeAllianceId}`) ?? null) : null,
  }));
}
