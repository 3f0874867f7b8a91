import type { Action, Scope } from '@ronghe/identity';
import { ROLES, type Role } from '@ronghe/schema';

/**
 * Who may do what, written out by hand from README.md ("Demo accounts", "The
 * alliance lifecycle", "The three lists"), ../shared/DOMAIN.md, seed 000 and
 * ADR 0007/0009 — NOT generated from `MATRIX`. `role-actions.test.ts` compares
 * it cell by cell with the code; the role-matrix suite drives every route
 * with it. Change a rule here and in `packages/identity/src/access.ts`
 * together, or a test fails.
 *
 * One row per action, one column per role. A cell is the scope the role holds
 * the action in, '—' if it does not hold it at all:
 *  - tenant: anywhere in the county (for city_admin: every county, read-only);
 *  - subtree: its own organization and everything under it (隶属);
 *  - own_org: its own organization only;
 *  - alliance_lead: alliances its organization leads;
 *  - alliance_committee: alliances its own committee approved (seed 000 8.3: 批准其设立的党(工)委 — not a committee above it);
 *  - alliance_oversight: alliances approved by its committee or one beneath it (reads only);
 *  - alliance_member: on behalf of its own organization as a member of the alliance.
 */
export type Cell = '—' | Scope | readonly Scope[];

export const ROLE_COLUMNS = ROLES;

const T = 'tenant';
const SUB = 'subtree';
const OWN = 'own_org';
const LEAD = 'alliance_lead';
const COMM = 'alliance_committee';
const OVS = 'alliance_oversight';
const MEM = 'alliance_member';
const no = '—';

// The grid is aligned by hand so a reviewer can read it column by column.
export const ROLE_ACTIONS: Record<Action, readonly [city_admin: Cell, county_admin: Cell, committee_reviewer: Cell, alliance_admin: Cell, org_liaison: Cell, member: Cell]> = {
  //                          city_admin  county_admin  committee_reviewer  alliance_admin   org_liaison  member
  // README Demo accounts, "sees": every account reads its county; the city admin every county, read-only.
  'tenant.read':             [T,          T,            T,                  T,               T,           T ],
  'org.read':                [T,          T,            T,                  T,               T,           T ],
  // README: the member reads "phones masked"; the liaison edits (so sees) its own organization's contacts;
  // the reviewer writes under its street committee, so sees the phones there.
  'org.read_pii':            [T,          T,            SUB,                no,              OWN,         no],
  // README: the reviewer "writes under its street committee"; the county admin "everything in" the county.
  'org.create':              [no,         T,            SUB,                no,              no,          no],
  // README: the liaison "edits its own organization's contacts".
  'org.update':              [no,         T,            SUB,                no,              OWN,         no],
  'org.deactivate':          [no,         T,            SUB,                no,              no,          no],
  // Excel import is the county organization department's (README 党组织管理 Excel 导入).
  'org.import':              [no,         T,            no,                 no,              no,          no],
  // Export of the registry: the administrators, and the reviewer who reads the whole county.
  'org.export':              [T,          T,            T,                  no,              no,          no],
  // 审计日志: the organization departments (county, and the city reading every county).
  'audit.read':              [T,          T,            no,                 no,              no,          no],
  // 开放接口密钥 and 账号管理: the county administrator only.
  'api_key.manage':          [no,         T,            no,                 no,              no,          no],
  'user.manage':             [no,         T,            no,                 no,              no,          no],
  // README: city_admin sees "the city overview".
  'city.rollup':             [T,          no,           no,                 no,              no,          no],
  'alliance.read':           [T,          T,            T,                  T,               T,           T ],
  // README lifecycle: "the lead's secretary (or the county administrator) drafts" — for its own organization.
  'alliance.create':         [no,         T,            no,                 OWN,             no,          no],
  // README lifecycle: the lead's secretary or the county admin applies, records the founding file and starts it (seed 000 7.1, 7.3).
  'alliance.manage':         [no,         T,            no,                 LEAD,            no,          no],
  // README lifecycle: "only the approving committee's reviewer approves, rejects, rectifies, restores, dissolves
  // and decides adjustments" (seed 000 7.2, 8.2, 8.3) — not even the county administrator.
  // Seed 000 8.3 调整、撤销由批准其设立的党(工)委研究决定: the approving committee itself, not one above it (issue 10).
  'alliance.review':         [no,         no,           COMM,               no,              no,          no],
  // Proposing an adjustment (the decision is alliance.review, seed 000 8.3): the lead, the county, the approving committee.
  'alliance.adjust':         [no,         T,            COMM,               LEAD,            no,          no],
  // Seed 000 11.1.2: each member names its liaison — the member's own liaison for its row; the lead keeps the roster.
  'alliance.member_update':  [no,         T,            no,                 LEAD,            MEM,         no],
  // Seed 000 7.2, 8.2, 8.3: filings go to the county and the city organization departments.
  'filing.read':             [T,          T,            no,                 no,              no,          no],
  // The county acknowledges in its inbox (备案管理); the city's own acknowledgement is issue 13's.
  'filing.ack':              [no,         T,            no,                 no,              no,          no],
  // Issue 13: the city organization department's own inbox of every county's filings, and its signature on them.
  'filing.city_read':        [T,          no,           no,                 no,              no,          no],
  'filing.city_ack':         [T,          no,           no,                 no,              no,          no],
  // 红色风景线/红色片区 (seed 000 3.3, 3.4): everyone reads; the county organization department draws them.
  'red.read':                [T,          T,            T,                  T,               T,           T ],
  'red.manage':              [no,         T,            no,                 no,              no,          no],
  // Seed 000 9.3: the lists are shared across the alliance; every account of the county reads them.
  'list.read':               [T,          T,            T,                  T,               T,           T ],
  // Residents' phones on needs: those who act on them (lead, committee, the member concerned), the departments;
  // a reading, so a committee reads under it as it reads organizations' phones (org.read_pii subtree).
  'list.read_pii':           [T,          T,            OVS,                LEAD,            MEM,         no],
  // The county's category taxonomy.
  'category.manage':         [no,         T,            no,                 no,              no,          no],
  // README three lists / DOMAIN: needs of residents and members and problems (问题清单): the liaison "raises needs"
  // for its organization, the lead keeps the lists, the committee raises problems, the county too.
  'need.create':             [no,         T,            COMM,               LEAD,            MEM,         no],
  // README: the lead "keeps their lists".
  'need.manage':             [no,         T,            no,                 LEAD,            no,          no],
  // Seed 000 9.3 members must open their resources: the liaison "opens resources" for its organization.
  'resource.manage':         [no,         T,            no,                 LEAD,            MEM,         no],
  // Suggestions/plans are read-only computations: whoever coordinates (lead, county), and a committee over its alliances.
  'match.run':               [no,         T,            OVS,                LEAD,            no,          no],
  // README: the lead "accepts matches".
  'match.accept':            [no,         T,            no,                 LEAD,            no,          no],
  // Seed 000 6.4 党建联合体统筹协调: the lead "confirms claims, accepts projects".
  'project.manage':          [no,         T,            no,                 LEAD,            no,          no],
  // Seed 000 6.4 成员党组织认领: a member organization, by its liaison or its secretary, for itself.
  'project.claim':           [no,         no,           no,                 MEM,             MEM,         no],
  // README: the liaison "carries out projects"; the lead and the county carry them too.
  'project.deliver':         [no,         T,            no,                 [LEAD, MEM],     MEM,         no],
  // 督办 (seed 000 6.4; README: escalation "to the alliance lead and the approving committee" — that committee only).
  'project.supervise':       [no,         T,            COMM,               LEAD,            no,          no],
  // The daily 督办 job, run by hand: the county.
  'supervision.run':         [no,         T,            no,                 no,              no,          no],
  // 死信 (ADR 0012): events a consumer could not process; the county administrator sees and replays them
  // (the city admin acts as that administrator in the city tenant only).
  'event.dead_letter.read':  [no,         T,            no,                 no,              no,          no],
  'event.dead_letter.replay':[no,         T,            no,                 no,              no,          no],
  // Issue 14: signed webhooks (ADR 0028): the county administrator registers endpoints, reads the delivery log, replays.
  'webhook.read':            [no,         T,            no,                 no,              no,          no],
  'webhook.manage':          [no,         T,            no,                 no,              no,          no],
  // Issue 9 §3: every role lands on its own 工作台 and reads (and marks) its own messages.
  'workbench.read':          [T,          T,            T,                  T,               T,           T ],
  'notification.read':       [T,          T,            T,                  T,               T,           T ],
  // Issue 11, branch organizational life (seed 004 二(三)): the branch records its own (its liaison), the committee
  // above it and the county may too; the county sets the standard frequencies. Members do not read branch minutes here.
  'org_life.read':           [T,          T,            T,                  T,               T,           no],
  'org_life.record':         [no,         T,            SUB,                no,              OWN,         no],
  'org_life.standard':       [no,         T,            no,                 no,              no,          no],
  // Joint meetings (seed 002 (七)): the alliance convenes; a decision's owner organization completes it.
  'meeting.read':            [T,          T,            T,                  T,               T,           T ],
  'meeting.manage':          [no,         T,            no,                 LEAD,            no,          no],
  'meeting.decision_complete':[no,        T,            no,                 [LEAD, MEM],     MEM,         no],
  // Issue 11 § People: staff read the people whose home branch is in their scope (the reviewer under its committee,
  // a secretary or liaison their own organization); the member reads only themself, through /my.
  'person.read':             [no,         T,            SUB,                OWN,             OWN,         no],
  // Phones and identity numbers: those who keep the roll (as org.read_pii), not the alliance secretary.
  'person.read_pii':         [no,         T,            SUB,                no,              OWN,         no],
  'person.manage':           [no,         T,            SUB,                no,              OWN,         no],
  // Excel import and export of the registry: the county organization department.
  'person.import':           [no,         T,            no,                 no,              no,          no],
  'person.export':           [no,         T,            no,                 no,              no,          no],
  // Issue 11: "each member can sign in (member role) to a phone-first self-service".
  'my.read':                 [no,         no,           no,                 no,              no,          T ],
  // Issue 11 积分 (DOMAIN "积分管理"; seed 002 (九) ranking tied to 评先评优): every role reads the rankings; points are
  // awarded by hand by the county or by a branch's liaison for its own members; the county edits the rules.
  'points.read':             [T,          T,            T,                  T,               T,           T ],
  'points.award':            [no,         T,            no,                 no,              OWN,         no],
  'points.rules':            [no,         T,            no,                 no,              no,          no],
  // 报到领岗 (issue 11 § 报到领岗, DOMAIN § People, posts and points): everyone reads posts; the post's owner — its
  // community (the organization's own reviewer or liaison) or the alliance (its lead's admin) — manages and decides;
  // members claim and log their own service.
  'post.read':               [T,          T,            T,                  T,               T,           T ],
  'post.manage':             [no,         T,            OWN,                LEAD,            OWN,         no],
  'post.decide':             [no,         T,            OWN,                LEAD,            OWN,         no],
  'post.claim':              [no,         no,           no,                 no,              no,          T ],
  // 双报到 (seed 002 (十六), seed 003 双报到结对互动, issue 11): the staff read pairings, reports and compliance
  // (the member reads only their own, pairing.self).
  'pairing.read':            [T,          T,            T,                  T,               T,           no],
  // 机关工委/区直党委 arrange the pairings (seed 002): the county, a committee under it, an organization's liaison for itself.
  'pairing.manage':          [no,         T,            SUB,                no,              OWN,         no],
  // Seed 002: 社区要建立…工作记实档案 — the community (its liaison), the committee above it, the county.
  'report.record':           [no,         T,            SUB,                no,              OWN,         no],
  // The county's standard (issue 11: "against the county's standard (configurable)").
  'pairing.standard':        [no,         T,            no,                 no,              no,          no],
  // Seed 003: 每名在职党员至少到 1 个社区报到 — the member reports themself.
  'pairing.self':            [no,         no,           no,                 no,              no,          T ],
  // Issue 11 活动: every account reads activities and the quota table; seed 000 9.2 puts the 五个一 on the alliance (its lead), the county oversees.
  'activity.read':           [T,          T,            T,                  T,               T,           T ],
  'activity.manage':         [no,         T,            no,                 LEAD,            no,          no],
  // Issue 11: "a member scans an activity's code … and checks in" — the member's own self-service.
  'activity.checkin':        [no,         no,           no,                 no,              no,          T ],
  // Issue 12 考核评价 (seed 000 8.2: 各级党(工)委对所属党建联合体每年进行1次考核): staff read; the county sets the
  // schemes; the approving committee (its own, not one above) or the county runs each alliance's assessment.
  'assessment.read':         [T,          T,            T,                  T,               T,           no],
  'assessment.scheme':       [no,         T,            no,                 no,              no,          no],
  'assessment.run':          [no,         T,            COMM,               no,              no,          no],
  // 四评 (issue 12 lane raters, seed 004 三(三)): the approving committee runs the ratings of its alliances and reads
  // them with the committees above it; the county reads and enters 社会评价; the city reads; a member organization
  // answers for itself (seed 003 mechanism 6); a member rates under /my.
  'rating.read':             [T,          T,            OVS,                no,              no,          no],
  'rating.committee':        [no,         no,           COMM,               no,              no,          no],
  'rating.department':       [no,         T,            COMM,               no,              no,          no],
  'rating.member_org':       [no,         no,           no,                 MEM,             MEM,         no],
  'rating.links':            [no,         T,            COMM,               no,              no,          no],
  'rating.self':             [no,         no,           no,                 no,              no,          T ],
  // Issue 12 honours (seed 004 三(三)): 支部申请 (the branch or the county) → 街道党工委考评 → 区委组织部验收;
  // 最强党支部 and 示范点 区级 by the county, 市级 by the city's organization department.
  'honour.read':             [T,          T,            T,                  T,               T,           no],
  'standardization.apply':   [no,         T,            no,                 no,              OWN,         no],
  'standardization.evaluate':[no,         no,           SUB,                no,              no,          no],
  'standardization.decide':  [no,         T,            no,                 no,              no,          no],
  'honour.county':           [no,         T,            no,                 no,              no,          no],
  'honour.city':             [T,          no,           no,                 no,              no,          no],
  // Issue 12 经费保障 (seed 003 mechanism 5; issue 12 § The alliance fund ledger): the alliance's own people and those over it
  // read its ledger; its lead keeps it and the county records 上级拨; the county summary is the county's and the city's.
  'fund.read':               [T,          T,            OVS,                [LEAD, MEM],     MEM,         no],
  'fund.record':             [no,         T,            no,                 LEAD,            no,          no],
  'fund.summary':            [T,          T,            no,                 no,              no,          no],
  // Issue 12 以奖代补 (seed 000 11.2.1): the county's organization department runs the rounds and pays; committees and the city read them.
  'reward.read':             [T,          T,            T,                  no,              no,          no],
  'reward.manage':           [no,         T,            no,                 no,              no,          no],
  // Issue 13: the county's own rollup (数据大屏, figures only): the county's organization department and its committees; the city every county.
  'rollup.read':             [T,          T,            T,                  no,              no,          no],
};

/** The scopes a role holds an action in (empty: refused). */
export function scopesOf(action: Action, role: Role): readonly Scope[] {
  const cell = ROLE_ACTIONS[action][ROLE_COLUMNS.indexOf(role)]!;
  if (cell === '—') return [];
  return typeof cell === 'string' ? [cell] : cell;
}

/** Whether the role holds the action in any scope (the role-matrix suite puts every scoped grant on its target). */
export function roleHolds(action: Action, role: Role): boolean {
  return scopesOf(action, role).length > 0;
}
