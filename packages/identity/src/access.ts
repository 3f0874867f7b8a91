import type { Role } from '@ronghe/schema';
import type { Actor } from '@ronghe/core';
import { CITY } from '@ronghe/tenancy';

/**
 * The role × action matrix, as data. Default deny: an action not listed, or a
 * role not listed for it, is refused. Scopes narrow a grant:
 *  - `tenant`: anywhere in the tenant;
 *  - `subtree`: the grant's organization and everything under it (隶属);
 *  - `own_org`: the grant's organization only.
 * Alliance scopes look at the alliance's organizations:
 *  - `alliance_lead`: the grant's organization leads the alliance (or the grant names the alliance);
 *  - `alliance_committee`: the grant's organization IS the approving committee: its decisions
 *    (seed 000 7.2, 8.2, 8.3: review, adjustments, rectification, dissolution) and its acts on the
 *    alliance belong to it alone, not to a committee above it;
 *  - `alliance_oversight`: the approving committee is the grant's organization or lies beneath it
 *    (reads a committee above keeps over the alliances of the committees under it);
 *  - `alliance_member`: the grant's organization is the member the request is about.
 * city_admin reads every county; it writes only in the city tenant, where it
 * acts as that tenant's administrator (see `effectiveGrants`).
 */
export type Scope = 'tenant' | 'subtree' | 'own_org' | 'alliance_lead' | 'alliance_committee' | 'alliance_oversight' | 'alliance_member';

export const ACTIONS = [
  'tenant.read',
  'org.read',
  'org.read_pii',
  'org.create',
  'org.update',
  'org.deactivate',
  'org.import',
  'org.export',
  'audit.read',
  'api_key.manage',
  'user.manage',
  'city.rollup',
  'alliance.read',
  'alliance.create',
  'alliance.manage',
  'alliance.review',
  'alliance.adjust',
  'alliance.member_update',
  'filing.read',
  'filing.ack',
  'red.read',
  'red.manage',
  'list.read',
  'list.read_pii',
  'category.manage',
  'need.create',
  'need.manage',
  'resource.manage',
  'match.run',
  'match.accept',
  'project.manage',
  'project.claim',
  'project.deliver',
  'project.supervise',
  'supervision.run',
  'event.dead_letter.read',
  'event.dead_letter.replay',
  'workbench.read',
  'notification.read',
  // Issue 11, activities lane.
  'activity.read',
  'activity.manage',
  'activity.checkin',
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = { role: Role; scope: Scope };

const ALL_READERS: Rule[] = [
  { role: 'city_admin', scope: 'tenant' },
  { role: 'county_admin', scope: 'tenant' },
  { role: 'committee_reviewer', scope: 'tenant' },
  { role: 'alliance_admin', scope: 'tenant' },
  { role: 'org_liaison', scope: 'tenant' },
  { role: 'member', scope: 'tenant' },
];

export const MATRIX: Record<Action, readonly Rule[]> = {
  'tenant.read': ALL_READERS,
  'org.read': ALL_READERS,
  // Full phone numbers: administrators, and reviewers for the organizations under them.
  'org.read_pii': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'city_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  'org.create': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
  ],
  'org.update': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  'org.deactivate': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
  ],
  'org.import': [{ role: 'county_admin', scope: 'tenant' }],
  'org.export': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'city_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'tenant' },
  ],
  'audit.read': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'city_admin', scope: 'tenant' },
  ],
  'api_key.manage': [{ role: 'county_admin', scope: 'tenant' }],
  // Domain events that failed in a consumer (ADR 0012): the county's administrator (the city admin in the city tenant).
  'event.dead_letter.read': [{ role: 'county_admin', scope: 'tenant' }],
  'event.dead_letter.replay': [{ role: 'county_admin', scope: 'tenant' }],
  'user.manage': [{ role: 'county_admin', scope: 'tenant' }],
  'city.rollup': [{ role: 'city_admin', scope: 'tenant' }],
  'alliance.read': ALL_READERS,
  // Drafting: the lead organization's secretary for their own organization, or the county administrator.
  'alliance.create': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'own_org' },
  ],
  // Running the alliance's own file: edit, members, governance, documents, apply, establish, start.
  'alliance.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  // Decisions of the approving committee (seed 000 7.2, 8.2, 8.3): only its reviewer.
  'alliance.review': [{ role: 'committee_reviewer', scope: 'alliance_committee' }],
  'alliance.adjust': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'committee_reviewer', scope: 'alliance_committee' },
  ],
  // A member organization names its own liaison; the lead keeps the whole roster.
  'alliance.member_update': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'org_liaison', scope: 'alliance_member' },
  ],
  'filing.read': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'city_admin', scope: 'tenant' },
  ],
  'filing.ack': [{ role: 'county_admin', scope: 'tenant' }],
  'red.read': ALL_READERS,
  'red.manage': [{ role: 'county_admin', scope: 'tenant' }],
  // 三张清单 (ADR 0009). Resources are visible across the alliance and the county (seed 000 9.3).
  'list.read': ALL_READERS,
  // Residents' phone numbers on needs: the people who act on them; a committee reads them under it, as it reads org phones (org.read_pii subtree).
  'list.read_pii': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'city_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'committee_reviewer', scope: 'alliance_oversight' },
    { role: 'org_liaison', scope: 'alliance_member' },
  ],
  'category.manage': [{ role: 'county_admin', scope: 'tenant' }],
  // A need is raised by the alliance, the county, the committee (问题清单) or a member organization for itself.
  'need.create': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'committee_reviewer', scope: 'alliance_committee' },
    { role: 'org_liaison', scope: 'alliance_member' },
  ],
  // Any need of the alliance; a member's liaison edits the needs its organization raised (need.create on it).
  'need.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  // The offering organization opens its resources; the lead keeps the alliance's list.
  'resource.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'org_liaison', scope: 'alliance_member' },
  ],
  // Suggestions and assignments are read-only computations (a committee may look under it); a county-wide run needs a tenant grant.
  'match.run': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'committee_reviewer', scope: 'alliance_oversight' },
  ],
  'match.accept': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  // The alliance coordinates (统筹协调): projects, plans, claim decisions, acceptance.
  'project.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  // 认领: a member organization, by its liaison or its secretary, for itself.
  'project.claim': [
    { role: 'org_liaison', scope: 'alliance_member' },
    { role: 'alliance_admin', scope: 'alliance_member' },
  ],
  // Carrying out: a confirmed claimant (checked by the rules) or the alliance.
  'project.deliver': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'alliance_admin', scope: 'alliance_member' },
    { role: 'org_liaison', scope: 'alliance_member' },
  ],
  // 督办: the county, the approving committee and the alliance.
  'project.supervise': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'alliance_committee' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  'supervision.run': [{ role: 'county_admin', scope: 'tenant' }],
  // 工作台: every role has one; what it shows follows the grants (packages/workbench).
  'workbench.read': ALL_READERS,
  // 消息: everyone reads and marks their own messages, never another's (the rows are keyed by the account).
  'notification.read': ALL_READERS,
  // Issue 11 活动 (seed 000 9.2): everyone reads activities and quota compliance; the alliance (its lead) and the county run them.
  'activity.read': ALL_READERS,
  'activity.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  // A party member checks in from a phone and reads their own activities (the person is resolved from the account).
  'activity.checkin': [{ role: 'member', scope: 'tenant' }],
};

/**
 * The grants an actor effectively holds in a tenant. In the city tenant a
 * city_admin also administers the city's own registry.
 */
export function effectiveGrants(
  grants: Actor['grants'],
  tenantKind: 'county' | 'city',
): Actor['grants'] {
  if (tenantKind !== 'city') return grants;
  const extra = grants
    .filter((g) => g.role === 'city_admin')
    .map((g) => ({ role: 'county_admin' as const, scopeOrgId: null, scopeAllianceId: null }));
  return [...grants, ...extra];
}

/** Where the target sits, for scoped grants. `path` is the organization's materialized ancestry. */
export interface Target {
  orgId?: string;
  orgPath?: string;
  allianceId?: string;
  leadOrgId?: string;
  /** Materialized path of the approving committee. */
  committeePath?: string;
  /** The member organization a request is about. */
  memberOrgId?: string;
}

function grantCovers(rule: Rule, grant: Actor['grants'][number], target: Target | undefined): boolean {
  if (rule.role !== grant.role) return false;
  if (rule.scope === 'tenant') return true;
  if (!target) return false;
  if (rule.scope === 'alliance_lead') {
    return (!!grant.scopeAllianceId && grant.scopeAllianceId === target.allianceId) || (!!grant.scopeOrgId && grant.scopeOrgId === target.leadOrgId);
  }
  if (!grant.scopeOrgId) return false;
  // The path ends with the approving committee's own id: `/…/committee/`.
  if (rule.scope === 'alliance_committee') return target.committeePath?.endsWith(`/${grant.scopeOrgId}/`) ?? false;
  if (rule.scope === 'alliance_oversight') return target.committeePath?.includes(`/${grant.scopeOrgId}/`) ?? false;
  if (rule.scope === 'alliance_member') return target.memberOrgId === grant.scopeOrgId;
  if (rule.scope === 'own_org') return target.orgId === grant.scopeOrgId;
  // subtree: the target is the scope org or lies beneath it
  return target.orgId === grant.scopeOrgId || (target.orgPath?.includes(`/${grant.scopeOrgId}/`) ?? false);
}

/** Whether some grant allows the action at all (before looking at a target). */
export function mayAttempt(actor: Actor, action: Action): boolean {
  return MATRIX[action].some((rule) => actor.grants.some((g) => g.role === rule.role));
}

/** Whether the actor may take the action on this target. */
export function allows(actor: Actor, action: Action, target?: Target): boolean {
  return MATRIX[action].some((rule) => actor.grants.some((g) => grantCovers(rule, g, target)));
}

/** Whether a set of grants includes the city organization department's administrator. */
export function holdsCityAdmin(grants: ReadonlyArray<{ role: Role; tenant: string }>): boolean {
  return grants.some((g) => g.role === 'city_admin' && g.tenant === CITY.slug);
}
