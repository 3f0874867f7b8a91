import type { TenantDef } from '@ronghe/tenancy';

// The controlled vocabularies come from schema/enums.ts, which imports
// nothing: plain Node scripts can use them without drizzle or zod.
import {
  ORG_DOMAINS,
  ORG_KINDS,
  QUALITY_STATUSES,
  ROLES,
  type AdjustmentKind,
  type AdjustmentStatus,
  type AllianceModel,
  type AllianceStatus,
  type AllianceType,
  type ConsortiumRole,
  type DocumentKind,
  type FilingKind,
  type FilingState,
  type GovernanceLayer,
  type GovernancePost,
  type MemberRole,
  type OrgDomain,
  type OrgKind,
  type PairingForm,
  type QualityStatus,
  type Role,
  type RouteTheme,
} from '@ronghe/schema/enums';
export { ORG_DOMAINS, ORG_KINDS, QUALITY_STATUSES, ROLES, type OrgDomain, type OrgKind, type QualityStatus, type Role };

/** One row of the `organizations` table (schema/tenant/registry.ts), in drizzle's property names. */
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
  /** Alliances with their history, red routes and districts; empty for the city. */
  alliances: AllianceDemoData;
  /** 需求/资源/项目清单 of the alliances (lists.ts); empty for the city. */
  lists: ListsDemoData;
  /** The audit trail of that past (audit.ts), oldest first; empty for the city. */
  audit: import('./audit.ts').DemoAuditRow[];
  /** Issue 11: the county's people registry (people.ts); empty for the city. */
  people: DemoPerson[];
  /** alliance_members.id → people.id: the person each current member's named liaison is (people.ts). */
  liaisonPersonIds: Record<string, string>;
  /**
   * Issue 11's other rows (双报到, posts, activities, organizational life,
   * meetings, points), by the key scripts/lib/local-platform.ts's
   * ENGAGEMENT_TABLES names for each table; rows in drizzle's property names.
   * Empty for the city.
   */
  engagement: EngagementDemoData;
}

/** Rows by table key (see TenantDemoData.engagement); a key absent or empty seeds nothing. */
export type EngagementDemoData = Record<string, readonly object[]>;

// Rows of schema/tenant/alliance.ts in drizzle's property names; JSON
// columns hold values, not text. alliances.node.test.ts checks that each is
// assignable to the table's insert type.

export interface DemoConsortium {
  largeGrowers: number;
  households: number;
  householdsTotal: number;
}

export interface DemoAlliance {
  id: string;
  name: string;
  type: AllianceType;
  typeNote: string | null;
  model: AllianceModel;
  pairingForm: PairingForm;
  vision: string;
  commonNeeds: string;
  leadOrgId: string;
  committeeOrgId: string;
  status: AllianceStatus;
  houseRules: string[];
  consortium: DemoConsortium | null;
  appliedOn: string | null;
  approvedOn: string | null;
  foundedOn: string | null;
  startedOn: string | null;
  dissolvedOn: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface DemoAllianceMember {
  id: string;
  allianceId: string;
  orgId: string;
  role: MemberRole;
  consortiumRole: ConsortiumRole | null;
  contributionBp: number;
  liaisonName: string | null;
  liaisonPhone: string | null;
  /** Seed 000 11.1.2: the liaison a member names is a party member. */
  liaisonPartyMember: boolean;
  joinedOn: string | null;
  leftOn: string | null;
  leaveReason: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface DemoGovernanceSeat {
  id: string;
  allianceId: string;
  layer: GovernanceLayer;
  post: GovernancePost;
  personName: string;
  orgId: string | null;
  sortOrder: number;
}

export interface DemoAllianceDocument {
  id: string;
  allianceId: string;
  kind: DocumentKind;
  title: string;
  docDate: string | null;
  status: 'draft' | 'adopted';
  signerName: string | null;
  signerOrgId: string | null;
  year: number | null;
  content: string;
  /** SHA-256 (hex) of the UTF-8 content, as the server computes it. */
  contentHash: string;
  version: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface DemoAllianceEvent {
  id: string;
  allianceId: string;
  action: string;
  fromStatus: AllianceStatus | null;
  toStatus: AllianceStatus;
  onDate: string;
  at: number;
  actorId: string;
  actorName: string;
  actorRole: string;
  reason: string | null;
  documentId: string | null;
  adjustmentId: string | null;
}

export type DemoAdjustmentPayload =
  | { kind: 'member_join'; orgId: string; contributionBp?: number; consortiumRole?: string | null }
  | { kind: 'member_leave'; memberId: string }
  | { kind: 'type_change'; type: string; typeNote?: string | null }
  | { kind: 'lead_change'; orgId: string };

export interface DemoAllianceAdjustment {
  id: string;
  allianceId: string;
  kind: AdjustmentKind;
  payload: DemoAdjustmentPayload;
  reason: string;
  status: AdjustmentStatus;
  proposedById: string;
  proposedByName: string;
  proposedAt: number;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: number | null;
  decidedOn: string | null;
  decisionNote: string | null;
  version: number;
}

export interface DemoFiling {
  id: string;
  kind: FilingKind;
  allianceId: string;
  allianceName: string;
  committeeName: string;
  title: string;
  summary: string;
  documentId: string | null;
  filedOn: string;
  filedAt: number;
  filedById: string;
  filedByName: string;
  countyState: FilingState;
  countyAckAt: number | null;
  countyAckBy: string | null;
  cityState: FilingState;
  cityAckAt: number | null;
  cityAckBy: string | null;
  version: number;
}

export interface DemoRedRoute {
  id: string;
  name: string;
  theme: RouteTheme;
  description: string;
  status: 'active' | 'archived';
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface DemoRedRouteStop {
  routeId: string;
  position: number;
  allianceId: string;
}

export interface DemoRedDistrict {
  id: string;
  name: string;
  description: string;
  status: 'active' | 'archived';
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface DemoRedDistrictItem {
  districtId: string;
  itemType: 'alliance' | 'route';
  itemId: string;
  position: number;
}

/** One tenant's alliance area, table by table, in insert order. */
export interface AllianceDemoData {
  alliances: DemoAlliance[];
  members: DemoAllianceMember[];
  seats: DemoGovernanceSeat[];
  documents: DemoAllianceDocument[];
  events: DemoAllianceEvent[];
  adjustments: DemoAllianceAdjustment[];
  filings: DemoFiling[];
  routes: DemoRedRoute[];
  routeStops: DemoRedRouteStop[];
  districts: DemoRedDistrict[];
  districtItems: DemoRedDistrictItem[];
}

// Rows of schema/tenant/lists.ts, exactly as selected: every column present.
// Type-only imports, so plain Node scripts load no drizzle.
export type DemoNeed = import('@ronghe/schema/tenant').Need;
export type DemoResource = import('@ronghe/schema/tenant').Resource;
export type DemoMatchRejection = (typeof import('@ronghe/schema/tenant').matchRejections)['$inferSelect'];
export type DemoProject = import('@ronghe/schema/tenant').Project;
export type DemoAllocation = import('@ronghe/schema/tenant').Allocation;
export type DemoMilestone = import('@ronghe/schema/tenant').ProjectMilestone;
export type DemoClaim = import('@ronghe/schema/tenant').ProjectClaim;
export type DemoProjectNote = import('@ronghe/schema/tenant').ProjectNote;

/** One tenant's three lists, table by table, in insert order. */
export interface ListsDemoData {
  needs: DemoNeed[];
  resources: DemoResource[];
  matchRejections: DemoMatchRejection[];
  projects: DemoProject[];
  allocations: DemoAllocation[];
  milestones: DemoMilestone[];
  claims: DemoClaim[];
  notes: DemoProjectNote[];
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

/**
 * One row of the `people` table (schema/tenant/people.ts, issue 11), in
 * drizzle's property names. The people demo generator makes them; the
 * generators of 双报到, posts, activities, organizational life, meetings and
 * points take them as input (each a pure function in its own file).
 */
export interface DemoPerson {
  id: string;
  name: string;
  kind: 'party_member' | 'volunteer';
  partyStanding: '正式' | '预备' | null;
  homeOrgId: string | null;
  inService: boolean;
  workUnit: string | null;
  skills: string[];
  phone: string | null;
  idNumber: string | null;
  userId: string | null;
  status: 'active' | 'left';
  version: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * What every issue-11 demo generator receives (a pure function
 * `build<Area>(input: PeopleDemoInput) → rows by table`): one county's
 * organizations, alliances and lists as already generated, its people, a
 * seeded random source and the demo's "today" (DEMO_TODAY).
 */
export interface PeopleDemoInput {
  tenant: TenantDef;
  orgs: readonly DemoOrg[];
  alliances: AllianceDemoData;
  lists: ListsDemoData;
  people: readonly DemoPerson[];
  rng: import('./prng.ts').Rng;
  today: string;
}
