import type {
  AllianceDetail as AllianceDetailView,
  AllianceSummary as AllianceSummaryView,
  DocumentView,
  FilingView,
  CityFilingView,
  OrganizationView,
  OrgCreateInput,
  OrgUpdateInput,
  RedDistrictView,
  RedRouteView,
  Role,
} from '@ronghe/schema';

export type Organization = OrganizationView;
export type { OrgCreateInput, OrgUpdateInput, Role };

export interface User {
  id: string;
  username: string;
  displayName: string;
}

export interface Grant {
  tenant: string;
  role: Role;
  scopeOrgId: string | null;
  scopeAllianceId: string | null;
  /** Names of what the grant is scoped to (GET /me names them; absent elsewhere). */
  scopeOrgName?: string | null;
  scopeAllianceName?: string | null;
}

export interface Me extends User {
  grants: Grant[];
}

export interface LoginResult {
  token: string;
  expiresAt: number;
  user: User;
}

export interface Tenant {
  slug: string;
  code: string;
  name: string;
  kind: 'county' | 'city';
  roles: Role[];
  readOnly: boolean;
  /** Actions of the server's role × action matrix this user may attempt here (GET /tenants). */
  actions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface TreeItem {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  domain: string;
  status: 'active' | 'inactive';
  childCount: number;
}

export interface AuditEntry {
  id: string;
  at: number;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  /** Rows identical to what is stored (re-importing an export). */
  unchanged?: number;
}

// ── 党建联合体 ────────────────────────────────────────────────────────────
// Views come from the shared zod schemas, so the UI reads exactly what the API promises.

export type AllianceSummary = AllianceSummaryView;
export type AllianceDetail = AllianceDetailView;
export type AllianceMember = AllianceDetail['members'][number];
export type GovernanceSeat = AllianceDetail['governance'][number];
export type DocumentMeta = AllianceDetail['documents'][number];
export type AllianceDocument = DocumentView;
export type Adjustment = AllianceDetail['adjustments'][number];
export type AllianceEvent = AllianceDetail['timeline'][number];
export type CanKey = keyof AllianceDetail['can'];
export type Filing = FilingView;
export type CityFiling = CityFilingView;
export type RedRoute = RedRouteView;
export type RedDistrict = RedDistrictView;
export type {
  AdjustmentCreateInput,
  AllianceCreateInput,
  AllianceUpdateInput,
  DocumentCreateInput,
  DocumentUpdateInput,
  GovernanceInput,
  MemberInput,
  MemberUpdateInput,
  RedDistrictCreateInput,
  RedDistrictUpdateInput,
  RedRouteCreateInput,
  RedRouteUpdateInput,
  TransitionInput,
  OpenWorkView as OpenWork,
  SettlementInput,
} from '@ronghe/schema';
