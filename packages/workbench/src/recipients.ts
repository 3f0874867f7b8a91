import type { AllianceFacts } from '@ronghe/alliance/read';
import type { EventEnvelope } from '@ronghe/events';
import type { ProjectFacts } from '@ronghe/lists/read';
import { ACTIVITY_KIND_LABELS, type ActivityKind } from '@ronghe/schema';

// Who receives what (issue 9 §3 消息): one row per event type of the catalogue
// (packages/events/src/events.ts) — the messages it leaves, each with the
// people to tell, named by role and scope the way the role matrix names them,
// and the title they read (zh-CN). Events carry ids only (no names, no personal
// data: ADR 0012), so the consumer (notify.ts) reads the current facts of the
// alliance or project through their capabilities' read.ts when it handles the
// event, and resolves people from the role grants in the control database
// then: someone granted a role later does not receive old news, and someone
// whose grant was removed receives nothing more.

/**
 * A group of people, by role and scope:
 *  - `county_admin`: the county's administrators (in the city tenant, the city's);
 *  - `committee_reviewer` of `orgId`: the reviewers of that committee;
 *  - `alliance_admin` of `leadOrgId` / `allianceId`: the secretaries of the lead organization (or granted the alliance);
 *  - `org_liaison` of `orgId`: the liaisons of that member organization;
 *  - `account` `userId`: one person's own account (a member told of their own claim or service),
 *    told only while it is active and holds a role in the county.
 */
export type Audience =
  | { role: 'county_admin' }
  | { role: 'committee_reviewer'; orgId: string }
  | { role: 'alliance_admin'; leadOrgId: string; allianceId: string }
  | { role: 'org_liaison'; orgId: string }
  | { role: 'account'; userId: string };

/** What the consumer read when it handled the event. */
export interface AllianceContext {
  alliance: AllianceFacts;
}
export interface ProjectContext extends AllianceContext {
  project: ProjectFacts;
  /** The organization that made the claim an event names (`data.claimId`), if any. */
  claimOrgId: string | null;
}

/** A post claim or service record (报到领岗, issue 11): the post's title and the member's account. */
export interface PostContext {
  postTitle: string;
  userId: string | null;
}
/** A joint meeting (issue 11): its alliance and the organizations its open decisions are assigned to. */
export interface MeetingContext extends AllianceContext {
  ownerOrgIds: string[];
}

/** One message an event leaves: the same title for everyone it names; where it leads (default: the event's object). */
export interface Message {
  to: Audience[];
  title: string;
  /** Where the message leads instead of the alliance: the county's unread filings, or the alliance's activity quotas. */
  link?: 'filings' | 'quotas';
}

/** A row of the table: which facts the event needs, and the messages it leaves. */
export type Rule =
  | { about: 'alliance'; send: (f: AllianceContext, e: EventEnvelope) => Message[] }
  | { about: 'project'; send: (f: ProjectContext, e: EventEnvelope) => Message[] }
  | { about: 'post'; send: (f: PostContext, e: EventEnvelope) => Message[] }
  | { about: 'meeting'; send: (f: MeetingContext, e: EventEnvelope) => Message[] }
  // About the tenant's own settings (a webhook endpoint, issue 14): no facts to read; `page` is where it leads under /t/<tenant>.
  | { about: 'settings'; page: string; send: (e: EventEnvelope) => Message[] };

const reviewers = (a: AllianceFacts): Audience => ({ role: 'committee_reviewer', orgId: a.committeeOrgId });
const leads = (a: AllianceFacts): Audience => ({ role: 'alliance_admin', leadOrgId: a.leadOrgId, allianceId: a.id });
const liaisons = (orgId: string): Audience => ({ role: 'org_liaison', orgId });
const county: Audience = { role: 'county_admin' };

/** A filing (备案) the decision left in the county's inbox (packages/alliance state-machine `filing`); the county administrator signs it. */
const filing = (a: AllianceFacts): Message => ({ to: [county], title: `新的备案待签收：${a.name}`, link: 'filings' });

/** To the lead's secretaries, about their own alliance; `filed`: the decision leaves a filing. */
const toLead = (label: string, filed = false): Rule => ({
  about: 'alliance',
  send: ({ alliance: a }) => [{ to: [leads(a)], title: `${label}：${a.name}` }, ...(filed ? [filing(a)] : [])],
});
const toReviewers = (label: string): Rule => ({ about: 'alliance', send: ({ alliance: a }) => [{ to: [reviewers(a)], title: `${label}：${a.name}` }] });
const projectToLead = (label: string): Rule => ({ about: 'project', send: ({ alliance: a, project: p }) => [{ to: [leads(a)], title: `${label}：${p.title}` }] });
const toClaimant = (label: string): Rule => ({
  about: 'project',
  send: ({ project: p, claimOrgId }) => (claimOrgId ? [{ to: [liaisons(claimOrgId)], title: `${label}：${p.title}` }] : []),
});
/** To the member themself (their account, if they have one), about a post: the title only, nothing of anyone else. */
const toMember = (label: (e: EventEnvelope) => string | null): Rule => ({
  about: 'post',
  send: ({ postTitle, userId }, e) => {
    const l = label(e);
    return userId && l ? [{ to: [{ role: 'account', userId }], title: `${l}：${postTitle}` }] : [];
  },
});
const toCarriers = (label: string): Rule => ({ about: 'project', send: ({ project: p }) => [{ to: p.claimOrgIds.map(liaisons), title: `${label}：${p.title}` }] });

export const RECIPIENTS = {
  // The lead files the application with the committee above it (seed 000 7.1–7.2): its reviewers decide.
  'alliance.applied': toReviewers('联合体申请待审批'),
  // The committee's written reply goes back to the lead (7.2); so do its later decisions (8.3).
  // A decision that leaves a filing tells the county organization department, which signs it.
  'alliance.approved': toLead('联合体已批准', true),
  'alliance.rejected': toLead('联合体申请已退回'),
  'alliance.rectification_ordered': toLead('联合体被责令整顿', true),
  'alliance.restored': toLead('联合体已恢复运行', true),
  'alliance.dissolved': toLead('联合体已撤销', true),
  // Adjustments are decided by the approving committee (8.3), and the lead hears the decision.
  'alliance.adjustment_proposed': toReviewers('联合体调整待审批'),
  'alliance.adjustment_approved': toLead('联合体调整已同意', true),
  'alliance.adjustment_rejected': toLead('联合体调整未同意'),
  // The alliance confirms claims (统筹协调): its lead's secretaries; the claimant hears the decision.
  'claim.submitted': projectToLead('项目认领待确认'),
  'claim.confirmed': toClaimant('你的认领已确认'),
  'claim.declined': toClaimant('你的认领未被确认'),
  // The alliance accepts (验收) completed work; the organizations that carried it out hear the acceptance.
  'project.completed': projectToLead('项目已完成待验收'),
  'project.accepted': toCarriers('项目已验收'),
  // 督办意见 are addressed to the organizations carrying the project out: their liaisons reply.
  'project.supervision_note_added': toCarriers('收到督办意见'),
  // The daily job: a project turning red concerns the alliance that runs it and the county that
  // supervises (督办); its escalation goes to the approving committee (README). Yellow tells nobody.
  'project.warning_raised': {
    about: 'project',
    send: ({ alliance: a, project: p }, e) => [
      ...(e.data.to === 'red' && e.data.from !== 'red' ? [{ to: [leads(a), county], title: `项目出现红色预警：${p.title}` }] : []),
      ...(e.data.escalated === true ? [{ to: [reviewers(a)], title: `逾期项目已上报督办：${p.title}` }] : []),
    ],
  },
  // 报到领岗 (issue 11): the member hears the post owner's decision on their claim and on their service record.
  'post_claim.decided': toMember((e) => ({ approved: '你的领岗申请已同意', declined: '你的领岗申请未同意' })[String(e.data.to)] ?? null),
  'service.confirmed': toMember(() => '你的岗位服务记录已确认'),
  'service.rejected': toMember(() => '你的岗位服务记录未被确认'),
  // A joint meeting's decisions are assigned to member organizations (seed 002 (七)): their liaisons carry them out.
  'meeting.recorded': {
    about: 'meeting',
    send: ({ alliance: a, ownerOrgIds }) => (ownerOrgIds.length ? [{ to: ownerOrgIds.map(liaisons), title: `联席会议交办了决定事项：${a.name}` }] : []),
  },
  // The daily job's quota reminder (issue 11 § Activities): the lead's secretaries hear which kinds are behind or at risk.
  'activity_quota.reminded': {
    about: 'alliance',
    send: ({ alliance: a }, e) => {
      const kinds = (Array.isArray(e.data.kinds) ? e.data.kinds : []).map((k) => ACTIVITY_KIND_LABELS[k as ActivityKind] ?? '其他活动').join('、');
      const what = e.data.standing === 'behind' ? '年度活动考核未完成' : '年度活动考核有完不成的风险';
      return [{ to: [leads(a)], title: `${what}：${a.name}（${kinds}）`, link: 'quotas' }];
    },
  },
  // 回调 (issue 14, ADR 0028): an endpoint that kept failing was disabled; the county's administrators re-enable it once fixed.
  'webhook.endpoint_auto_disabled': {
    about: 'settings',
    page: '/webhooks',
    send: (e) => [{ to: [county], title: `回调地址连续 ${typeof e.data.consecutiveFailures === 'number' ? e.data.consecutiveFailures : ''} 次投递失败，已自动停用` }],
  },
} satisfies Record<string, Rule>;

export type NotifiedType = keyof typeof RECIPIENTS;

/** The table's row for an event type, if it has one. */
export function ruleFor(type: string): Rule | undefined {
  return (RECIPIENTS as Record<string, Rule>)[type];
}
