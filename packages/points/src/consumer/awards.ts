import type { EventEnvelope } from '@ronghe/events';
import { fullHours } from '../shared/period.ts';

/** What one event earns one person, before the rule turns units into points. */
export interface AwardClaim {
  personId: string;
  /** The rule code (equal to the source for event-driven rules). */
  ruleCode: string;
  units: number;
  /** Unique per award in the ledger: the event id, or event id + person for an event naming several people. */
  sourceKey: string;
  sourceId: string | null;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The event types that earn points and what each earns (issue 11 § Points;
 * payload fields as the producers emit them). `project.accepted` is NOT here:
 * its payload names the project, not persons, and a project's claimant is an
 * organization — splitting its points among all members of that organization
 * would reward people who did nothing, so project contribution stays a manual
 * award by the branch (rule `project_contribution`).
 */
export const AWARDS: Record<string, (e: EventEnvelope) => AwardClaim[]> = {
  // 志愿服务: each full confirmed hour is a unit ("每满1小时").
  'service.confirmed': (e) => one(e, 'service_hour', fullHours(num(e.data.minutes)), str(e.data.serviceLogId)),
  // Only a person's first check-in to an activity produces the event.
  'activity.attendance_recorded': (e) => one(e, 'activity_attendance', 1, str(e.data.checkinId)),
  // One award per attendee of the meeting.
  'org_life.recorded': (e) => {
    const ids = Array.isArray(e.data.attendeeIds) ? [...new Set(e.data.attendeeIds.filter((x): x is string => typeof x === 'string' && !!x))] : [];
    return ids.map((personId) => ({ personId, ruleCode: 'org_life', units: 1, sourceKey: `${e.id}:${personId}`, sourceId: str(e.data.recordId) }));
  },
  // 双报到 记实: each full recorded hour is a unit.
  'report_record.added': (e) => one(e, 'report_participation', fullHours(num(e.data.minutes)), str(e.data.recordId)),
  // 报到领岗: an approved claim; a declined one earns nothing.
  'post_claim.decided': (e) => (e.data.to === 'approved' ? one(e, 'post_duty', 1, str(e.data.claimId)) : []),
};

function one(e: EventEnvelope, ruleCode: string, units: number, sourceId: string | null): AwardClaim[] {
  const personId = str(e.data.personId);
  return personId ? [{ personId, ruleCode, units, sourceKey: e.id, sourceId }] : [];
}

/** The awards an event earns (none for a type that earns nothing). */
export function awardsOf(e: EventEnvelope): AwardClaim[] {
  return AWARDS[e.type]?.(e) ?? [];
}
