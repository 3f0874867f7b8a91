import type { TenantDef } from '@ronghe/tenancy';

// The controlled vocabularies come from schema/enums.ts, which imports
// nothing: plain Node scripts can use them without drizzle or zod.
import { ORG_DOMAINS, ORG_KINDS, QUALITY_STATUSES, ROLES, type OrgDomain, type OrgKind, type QualityStatus, type Role } from '@ronghe/schema/enums';
export { ORG_DOMAINS, ORG_KINDS, QUALITY_STATUSES, ROLES, type OrgDomain, type OrgKind, type QualityStatus, type Role };

/** One row of the `organizations` table (schema/tenant/organizations.ts), in drizzle's property names. */
export interface DemoOrg {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  kind: OrgKind;
  domain: OrgDomain;
  divisionCode: string | null;
  isExternal: boolean;
  externalRegion: string | null;
  secretaryName: string | null;
  secretaryPhone: string | null;
  liaisonName: string | null;
  liaisonPhone: string | null;
  memberCount: number;
  qualityStatus: QualityStatus;
  weakFlag: boolean;
  status: 'active';
  deactivatedAt: null;
  deactivationReason: null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface TenantDemoData {
  tenant: TenantDef;
  orgs: DemoOrg[];
}

/** A demo login: one user with one role grant. */
export interface DemoAccount {
  userId: string;
  grantId: string;
  username: string;
  displayName: string;
  phone: string;
  role: Role;
  tenant: string;
  scopeOrgId: string | null;
  /** Human-readable scope, for the start banner. */
  scopeName: string | null;
  createdAt: number;
}

export interface DemoData {
  seed: string;
  scale: number;
  tenants: TenantDemoData[];
  accounts: DemoAccount[];
}
