// Who receives what (issue 9 §3 消息): one row per event type — the people to
// tell, named by role and scope the way the role matrix names them, the title
// they read (zh-CN) and where the message takes them. People are resolved
// from the role grants in the control database when the event is consumed
// (notify.ts), so someone granted a role later does not receive old news and
// someone whose grant was removed receives nothing more.

/**
 * The envelope the consumer reads. A local, minimal copy of the domain event
 * (issue 9 §2): ids and types, the aggregate, the actor, the time and what
 * changed — no personal data. The events package owns the real catalogue; the
 * lead maps its names onto these.
 */
export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  /** Tenant slug (`hongshan`). */
  tenant: string;
  aggregate: { type: string; id: string };
  actor: { userId: string; role: string | null };
  /** Epoch ms. */
  at: number;
  data: EventData[T];
}

interface AllianceData {
  name: string;
  leadOrgId: string;
  committeeOrgId: string;
}
interface AdjustmentData extends AllianceData {
  adjustmentId: string;
}
interface ProjectData {
  title: string;
  allianceId: string;
  leadOrgId: string;
}
interface ClaimData extends ProjectData {
  claimId: string;
  claimOrgId: string;
}

/** What each event carries that the table needs (the organizations to resolve people from). */
export interface EventData {
  'alliance.applied': AllianceData;
  'alliance.approved': AllianceData;
  'alliance.rejected': AllianceData;
  'alliance.rectified': AllianceData;
  'alliance.restored': AllianceData;
  'alliance.dissolved': AllianceData;
  'alliance.adjustment_proposed': AdjustmentData;
  'alliance.adjustment_approved': AdjustmentData;
  'alliance.adjustment_rejected': AdjustmentData;
  'filing.submitted': { title: string; allianceName: string };
  'claim.submitted': ClaimData;
  'claim.confirmed': ClaimData;
  'claim.declined': ClaimData;
  'project.completed': ProjectData;
  'project.accepted': ProjectData & { claimOrgIds: string[] };
  'project.warning_raised': ProjectData & { level: 'red' | 'yellow'; committeeOrgId: string };
  'project.escalated': ProjectData & { committeeOrgId: string };
  'supervision.note_added': ProjectData & { addressedOrgIds: string[] };
}
export type EventType = keyof EventData;

/**
 * A group of people, by role and scope:
 *  - `county_admin`: the county's administrators (in the city tenant, the city's);
 *  - `committee_reviewer` of `orgId`: the reviewers of that committee;
 *  - `alliance_admin` of `leadOrgId` / `allianceId`: the secretaries of the lead organization (or granted the alliance);
 *  - `org_liaison` of `orgId`: the liaisons of that member organization.
 */
export type Audience =
  | { role: 'county_admin' }
  | { role: 'committee_reviewer'; orgId: string }
  | { role: 'alliance_admin'; leadOrgId: string; allianceId: string }
  | { role: 'org_liaison'; orgId: string };

export interface Rule<T extends EventType> {
  /** The message's title, zh-CN. */
  title: (e: DomainEvent<T>) => string;
  /** The object it is about, and its page in the admin UI. */
  object: (e: DomainEvent<T>) => { type: string; id: string; link: string };
  to: (e: DomainEvent<T>) => Audience[];
}

const reviewers = (orgId: string): Audience => ({ role: 'committee_reviewer', orgId });
const leadAdmins = (d: { leadOrgId: string }, allianceId: string): Audience => ({ role: 'alliance_admin', leadOrgId: d.leadOrgId, allianceId });
const liaisons = (orgId: string): Audience => ({ role: 'org_liaison', orgId });
const county: Audience = { role: 'county_admin' };

const allianceObject = (e: DomainEvent<EventType>) => ({ type: 'alliance', id: e.aggregate.id, link: `/t/${e.tenant}/alliances/${e.aggregate.id}` });
const projectObject = (e: DomainEvent<EventType>) => ({ type: 'project', id: e.aggregate.id, link: `/t/${e.tenant}/projects/${e.aggregate.id}` });

/** To the lead's secretaries, about their own alliance. */
function toLead<T extends 'alliance.approved' | 'alliance.rejected' | 'alliance.rectified' | 'alliance.restored' | 'alliance.dissolved'>(label: string): Rule<T> {
  return { title: (e) => `${label}：${e.data.name}`, object: allianceObject, to: (e) => [leadAdmins(e.data, e.aggregate.id)] };
}
function adjustmentDecided<T extends 'alliance.adjustment_approved' | 'alliance.adjustment_rejected'>(label: string): Rule<T> {
  return { title: (e) => `${label}：${e.data.name}`, object: allianceObject, to: (e) => [leadAdmins(e.data, e.aggregate.id)] };
}
function claimDecided<T extends 'claim.confirmed' | 'claim.declined'>(label: string): Rule<T> {
  return { title: (e) => `${label}：${e.data.title}`, object: projectObject, to: (e) => [liaisons(e.data.claimOrgId)] };
}

export const RECIPIENTS: { [T in EventType]: Rule<T> } = {
  // The lead files the application with the committee above it (seed 000 7.1–7.2): its reviewers decide.
  'alliance.applied': { title: (e) => `联合体申请待审批：${e.data.name}`, object: allianceObject, to: (e) => [reviewers(e.data.committeeOrgId)] },
  // The committee's written reply goes back to the lead (7.2); so do its later decisions (8.3).
  'alliance.approved': toLead('联合体已批准'),
  'alliance.rejected': toLead('联合体申请已退回'),
  'alliance.rectified': toLead('联合体被责令整顿'),
  'alliance.restored': toLead('联合体已恢复运行'),
  'alliance.dissolved': toLead('联合体已撤销'),
  // Adjustments are decided by the approving committee (8.3), and the lead hears the decision.
  'alliance.adjustment_proposed': { title: (e) => `联合体调整待审批：${e.data.name}`, object: allianceObject, to: (e) => [reviewers(e.data.committeeOrgId)] },
  'alliance.adjustment_approved': adjustmentDecided('联合体调整已同意'),
  'alliance.adjustment_rejected': adjustmentDecided('联合体调整未同意'),
  // Filings go to the county organization department (7.2, 8.3); the county admin signs them.
  'filing.submitted': {
    title: (e) => `新的备案待签收：${e.data.allianceName}`,
    object: (e) => ({ type: 'filing', id: e.aggregate.id, link: `/t/${e.tenant}/filings?state=unread` }),
    to: () => [county],
  },
  // The alliance confirms claims (统筹协调): its lead's secretaries; the claimant hears the decision.
  'claim.submitted': { title: (e) => `项目认领待确认：${e.data.title}`, object: projectObject, to: (e) => [leadAdmins(e.data, e.data.allianceId)] },
  'claim.confirmed': claimDecided('你的认领已确认'),
  'claim.declined': claimDecided('你的认领未被确认'),
  // The alliance accepts (验收) completed work; the claimants hear the acceptance.
  'project.completed': { title: (e) => `项目已完成待验收：${e.data.title}`, object: projectObject, to: (e) => [leadAdmins(e.data, e.data.allianceId)] },
  'project.accepted': { title: (e) => `项目已验收：${e.data.title}`, object: projectObject, to: (e) => e.data.claimOrgIds.map(liaisons) },
  // A red warning concerns the alliance that runs the project and the county that supervises (督办); a yellow one is for the board only.
  'project.warning_raised': {
    title: (e) => `项目出现红色预警：${e.data.title}`,
    object: projectObject,
    to: (e) => (e.data.level === 'red' ? [leadAdmins(e.data, e.data.allianceId), county] : []),
  },
  // The daily job escalates an overdue project to the alliance lead and the approving committee (README).
  'project.escalated': {
    title: (e) => `逾期项目已上报督办：${e.data.title}`,
    object: projectObject,
    to: (e) => [leadAdmins(e.data, e.data.allianceId), reviewers(e.data.committeeOrgId)],
  },
  // 督办意见 addressed to the organizations carrying the project out: their liaisons reply.
  'supervision.note_added': { title: (e) => `收到督办意见：${e.data.title}`, object: projectObject, to: (e) => e.data.addressedOrgIds.map(liaisons) },
};

/** The table's row for an event, typed. */
export function ruleFor<T extends EventType>(type: T): Rule<T> | undefined {
  return (RECIPIENTS as Record<string, Rule<T>>)[type];
}
