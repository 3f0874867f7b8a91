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
  // Issue 13: the city's filings inbox (every county's filings, read from the control database) and its signature.
  'filing.city_read',
  'filing.city_ack',
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
  // Issue 14: signed webhooks (ADR 0028).
  'webhook.read',
  'webhook.manage',
  'workbench.read',
  'notification.read',
  // Issue 11: branch organizational life and joint meetings.
  'org_life.read',
  'org_life.record',
  'org_life.standard',
  'meeting.read',
  'meeting.manage',
  'meeting.decision_complete',
  // Issue 11, people registry.
  'person.read',
  'person.read_pii',
  'person.manage',
  'person.import',
  'person.export',
  'my.read',
  // 积分 (issue 11, points lane)
  'points.read',
  'points.award',
  'points.rules',
  // 报到领岗 (issue 11, lane posts)
  'post.read',
  'post.manage',
  'post.decide',
  'post.claim',
  // 双报到 (issue 11, lane pairing)
  'pairing.read',
  'pairing.manage',
  'report.record',
  'pairing.standard',
  'pairing.self',
  // Issue 11, activities lane.
  'activity.read',
  'activity.manage',
  'activity.checkin',
  // Issue 12, lane assess: indicator schemes and the annual alliance assessment.
  'assessment.read',
  'assessment.scheme',
  'assessment.run',
  // 四评 ratings (issue 12, lane raters).
  'rating.read',
  'rating.committee',
  'rating.department',
  'rating.member_org',
  'rating.links',
  'rating.self',
  // Issue 12, honours lane: branch standardization, 最强党支部, 示范点 (seed 004, seed 000 11.2.1).
  'honour.read',
  'standardization.apply',
  'standardization.evaluate',
  'standardization.decide',
  'honour.county',
  'honour.city',
  // Issue 12, funds lane: the alliance fund ledger (经费保障).
  'fund.read',
  'fund.record',
  'fund.summary',
  // Issue 12 以奖代补 reward rounds.
  'reward.read',
  'reward.manage',
  // Issue 13: a county's own rollup (its 数据大屏): figures only, no personal data.
  'rollup.read',
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
  // Signed webhooks (issue 14, ADR 0028): the county's administrator registers and watches its endpoints.
  'webhook.read': [{ role: 'county_admin', scope: 'tenant' }],
  'webhook.manage': [{ role: 'county_admin', scope: 'tenant' }],
  'user.manage': [{ role: 'county_admin', scope: 'tenant' }],
  'city.rollup': [{ role: 'city_admin', scope: 'tenant' }],
  // Issue 13: the county's rollup (its 数据大屏): its organization department and committees; the city reads every county.
  'rollup.read': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'tenant' },
    { role: 'city_admin', scope: 'tenant' },
  ],
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
  // 市委组织部备案收件箱 (seed 000 7.2, 8.2–8.3: 报…市委组织部备案): the city reads every county's filings and signs them
  // on the county's own record (ADR 0024).
  'filing.city_read': [{ role: 'city_admin', scope: 'tenant' }],
  'filing.city_ack': [{ role: 'city_admin', scope: 'tenant' }],
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
  // 三会一课 and the rest (seed 004 二(三)): the staff who supervise branches read them; members see their own meetings elsewhere.
  'org_life.read': ALL_READERS.filter((r) => r.role !== 'member'),
  // A branch records its own meetings (its liaison/secretary account); the committee above it and the county may too.
  'org_life.record': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  // Issue 11 people registry: staff read the people whose home organization is in their scope; a member reads only
  // themself, through /my (my.read).
  'person.read': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
    { role: 'alliance_admin', scope: 'own_org' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  // Full phone and identity numbers: as org.read_pii, without the alliance secretary (it reads its own branch's roll, masked).
  'person.read_pii': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  // The county's standard frequencies (defaults from the branch work regulations).
  'org_life.standard': [{ role: 'county_admin', scope: 'tenant' }],
  // 联席会议 (seed 002 (七), seed 000 9.4): everyone reads; the alliance convenes and records.
  'meeting.read': ALL_READERS,
  'meeting.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  // A decision is completed by its owner organization (liaison or secretary) or the alliance.
  'meeting.decision_complete': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'alliance_admin', scope: 'alliance_member' },
    { role: 'org_liaison', scope: 'alliance_member' },
  ],
  'person.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  'person.import': [{ role: 'county_admin', scope: 'tenant' }],
  'person.export': [{ role: 'county_admin', scope: 'tenant' }],
  // The member's own self-service pages (/my/...): the person the signed-in account is.
  'my.read': [{ role: 'member', scope: 'tenant' }],
  // 积分 (issue 11): the rules, the ledger and the leaderboards are open to every role of the county (a
  // member sees the rankings and their own page; no personal data is in them).
  'points.read': ALL_READERS,
  // 手工加分与冲正: the county, or a liaison for the members of its own organization; each rule further
  // names which of these roles may award it by hand (packages/points/src/ledger/who-may-award.ts).
  'points.award': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  'points.rules': [{ role: 'county_admin', scope: 'tenant' }],
  // 报到领岗 (issue 11): every account reads the county's posts (members browse open ones); the owner — a
  // community (own organization) or an alliance (its lead) — defines them, decides claims and confirms service.
  'post.read': ALL_READERS,
  'post.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'committee_reviewer', scope: 'own_org' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  'post.decide': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'committee_reviewer', scope: 'own_org' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  // A member claims posts and logs service for themself (/my routes resolve the person from the account).
  'post.claim': [{ role: 'member', scope: 'tenant' }],
  // 双报到 (seed 002 (十六), seed 003): pairings, member reports, the 记实档案 and compliance, read by the staff.
  'pairing.read': [
    { role: 'city_admin', scope: 'tenant' },
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'tenant' },
    { role: 'org_liaison', scope: 'tenant' },
  ],
  // Pairings and member reports: the county; a committee under it (the organization or the community lies beneath it);
  // a liaison for its own organization (its pairing, or its community's reports).
  'pairing.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  // 记实档案: the community keeps it (seed 002 (十六)) — its liaison, the committee above it, the county.
  'report.record': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'subtree' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  // The county's yearly standard.
  'pairing.standard': [{ role: 'county_admin', scope: 'tenant' }],
  // 我的报到: an in-service member reports themself and reads their own records.
  'pairing.self': [{ role: 'member', scope: 'tenant' }],
  // Issue 11 活动 (seed 000 9.2): everyone reads activities and quota compliance; the alliance (its lead) and the county run them.
  'activity.read': ALL_READERS,
  'activity.manage': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  // A party member checks in from a phone and reads their own activities (the person is resolved from the account).
  'activity.checkin': [{ role: 'member', scope: 'tenant' }],
  // Issue 12 考核评价 (seed 000 8.2): the staff read schemes and results; the county organization department sets the
  // schemes; each alliance's approving committee (its reviewer) assesses it, and the county may for any alliance.
  'assessment.read': ALL_READERS.filter((r) => r.role !== 'member'),
  'assessment.scheme': [{ role: 'county_admin', scope: 'tenant' }],
  'assessment.run': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'alliance_committee' },
  ],
  // 四评 (issue 12, lane raters; seed 004 三(三), seed 003 mechanism 6). The approving committee runs the
  // assessment, so it reads the ratings with their comments, rates as 组织评定 (one answer per committee
  // account), enters the departments' 社会评价 and issues residents' links; the county reads everything and
  // enters 社会评价 too. A member organization's liaison (or the admin of a member organization) answers for
  // its organization; a member answers for themself under /my.
  'rating.read': [
    { role: 'city_admin', scope: 'tenant' },
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'alliance_oversight' },
  ],
  'rating.committee': [{ role: 'committee_reviewer', scope: 'alliance_committee' }],
  'rating.department': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'alliance_committee' },
  ],
  'rating.member_org': [
    { role: 'alliance_admin', scope: 'alliance_member' },
    { role: 'org_liaison', scope: 'alliance_member' },
  ],
  'rating.links': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'alliance_committee' },
  ],
  'rating.self': [{ role: 'member', scope: 'tenant' }],
  // Issue 12 honours (seed 004): the staff read applications, checks, designations and 示范点 (no personal data in them).
  'honour.read': ALL_READERS.filter((r) => r.role !== 'member'),
  // 支部申请: the branch itself (its account) or the county.
  'standardization.apply': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'org_liaison', scope: 'own_org' },
  ],
  // 街道党工委考评: the committee the branch lies under.
  'standardization.evaluate': [{ role: 'committee_reviewer', scope: 'subtree' }],
  // 区委组织部验收.
  'standardization.decide': [{ role: 'county_admin', scope: 'tenant' }],
  // 区级 最强党支部 and 区级 示范点: the county organization department.
  'honour.county': [{ role: 'county_admin', scope: 'tenant' }],
  // 市级 最强党支部 and 市级 示范点: the city organization department, acting on the county's branches and alliances.
  'honour.city': [{ role: 'city_admin', scope: 'tenant' }],
  // 经费保障 (issue 12; seed 003 mechanism 5): an alliance's ledger is read by the county (the city, read-only), the
  // committees over it, its lead and its member organizations (they contribute by 出资比例); the lead keeps it
  // (统筹协调) and the county may record for it (上级拨 comes through the county).
  'fund.read': [
    { role: 'city_admin', scope: 'tenant' },
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'alliance_oversight' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
    { role: 'alliance_admin', scope: 'alliance_member' },
    { role: 'org_liaison', scope: 'alliance_member' },
  ],
  'fund.record': [
    { role: 'county_admin', scope: 'tenant' },
    { role: 'alliance_admin', scope: 'alliance_lead' },
  ],
  // The county summary across alliances: the county and the city.
  'fund.summary': [
    { role: 'city_admin', scope: 'tenant' },
    { role: 'county_admin', scope: 'tenant' },
  ],
  // 以奖代补 (issue 12; seed 000 11.2.1: 市、县两级党委组织部门…以奖代补): the organization department runs the
  // rounds and records the payments; the street committees see whom the money reached (the city every county).
  'reward.read': [
    { role: 'city_admin', scope: 'tenant' },
    { role: 'county_admin', scope: 'tenant' },
    { role: 'committee_reviewer', scope: 'tenant' },
  ],
  'reward.manage': [{ role: 'county_admin', scope: 'tenant' }],
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
