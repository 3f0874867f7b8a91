import type { TenantDef } from '@ronghe/tenancy';

// Local copies of the controlled vocabularies: the generator runs in plain
// Node scripts and tests, and must not pull drizzle and zod in with
// @ronghe/schema. `vocabulary.node.test.ts` keeps them equal to schema/enums.ts.
export const ORG_KINDS = ['党委', '党总支', '党支部', '党工委', '党组', '联合党委', '联合党支部', '党小组'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_DOMAINS = [
  '旗县区委', '嘎查村', '社区', '街道', '苏木乡镇', '机关', '事业单位', '国有企业', '非公有制企业', '社会组织', '园区', '商务楼宇',
  '商圈市场', '学校', '医院', '互联网企业', '物业', '业委会', '网格', '楼栋',
] as const;
export type OrgDomain = (typeof ORG_DOMAINS)[number];

export const QUALITY_STATUSES = ['未达标', '标准化规范化', '最强党支部（区级）', '最强党支部（市级）'] as const;
export type QualityStatus = (typeof QUALITY_STATUSES)[number];

export const ROLES = ['city_admin', 'county_admin', 'committee_reviewer', 'alliance_admin', 'org_liaison', 'member'] as const;
export type Role = (typeof ROLES)[number];

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
