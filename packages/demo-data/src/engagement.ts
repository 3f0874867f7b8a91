import type { EventEnvelope } from '@ronghe/events';
import { awardsOf } from '@ronghe/points/awards';
import { buildActivities, type ActivitiesDemoData } from './activities.ts';
import { buildMeetings } from './meetings.ts';
import { buildOrgLife, type DemoOrgLifeRecord } from './org-life.ts';
import { buildPairing, type PairingDemoData } from './pairing.ts';
import { buildPoints, type DemoAward } from './points.ts';
import { buildPosts, type PostsDemoData } from './posts.ts';
import { rngFrom } from './prng.ts';
import type { EngagementDemoData, PeopleDemoInput } from './types.ts';

// Issue 11's rows that hang on the people registry, for one county: 双报到,
// 报到领岗, activities, organizational life, meetings, and the points ledger
// those earn. Each builder draws from its own random source, so adding or
// changing one leaves the others' rows as they were. Keys are those of
// scripts/lib/local-platform.ts's ENGAGEMENT_TABLES.

/**
 * The awards the server's points consumer would make for these rows: the
 * events their producers write (payloads as packages/events/src/events.ts
 * declares them), each at the moment it is written, through the consumer's
 * own `awardsOf` (packages/points/src/consumer/awards.ts) — so what earns
 * what, the full hours and one award per distinct attendee are the server's
 * rules, not a copy. Zero-unit awards are dropped, as there.
 */
export function awardsFrom(rows: {
  pairing: Pick<PairingDemoData, 'records'>;
  posts: Pick<PostsDemoData, 'claims' | 'serviceLogs'>;
  activities: Pick<ActivitiesDemoData, 'checkins'>;
  orgLife: readonly DemoOrgLifeRecord[];
}): DemoAward[] {
  const out: DemoAward[] = [];
  // awardsOf reads an envelope's id, type and data only; the demo's event id keeps its source keys stable.
  const emit = (type: string, entityId: string, at: number, data: Record<string, unknown>) => {
    const event = { id: `demo:${type}:${entityId}`, type, at, data } as unknown as EventEnvelope;
    for (const c of awardsOf(event))
      if (c.units > 0) out.push({ personId: c.personId, source: c.ruleCode, sourceKey: c.sourceKey, sourceType: type, sourceId: c.sourceId ?? undefined, at, units: c.units });
  };
  for (const s of rows.posts.serviceLogs)
    if (s.status === 'confirmed' && s.decidedAt !== null) emit('service.confirmed', s.id, s.decidedAt, { serviceLogId: s.id, personId: s.personId, postId: s.postId, minutes: s.minutes });
  for (const c of rows.posts.claims)
    if ((c.status === 'approved' || c.status === 'declined') && c.decidedAt !== null) emit('post_claim.decided', c.id, c.decidedAt, { claimId: c.id, postId: c.postId, personId: c.personId, to: c.status });
  for (const k of rows.activities.checkins) emit('activity.attendance_recorded', k.id, k.at, { checkinId: k.id, activityId: k.activityId, personId: k.personId, allianceId: k.allianceId });
  for (const r of rows.orgLife) emit('org_life.recorded', r.id, r.createdAt, { recordId: r.id, orgId: r.orgId, attendeeIds: r.attendeeIds });
  for (const r of rows.pairing.records) emit('report_record.added', r.id, r.createdAt, { recordId: r.id, personId: r.personId, minutes: r.minutes });
  return out;
}

/** Every issue-11 row of one county after its people, by ENGAGEMENT_TABLES key. */
export function buildEngagement(seed: string, input: Omit<PeopleDemoInput, 'rng'>): EngagementDemoData {
  const rngOf = (area: string) => rngFrom(`${seed}\u0000${input.tenant.slug}\u0000${area}`);
  const pairing = buildPairing({ ...input, rng: rngOf('pairing') });
  const posts = buildPosts({ ...input, rng: rngOf('posts') });
  const activities = buildActivities({ ...input, rng: rngOf('activities') });
  const orgLife = buildOrgLife({ ...input, rng: rngOf('org-life') });
  const meetings = buildMeetings({ ...input, rng: rngOf('meetings') });
  const points = buildPoints({ ...input, rng: rngOf('points'), awards: awardsFrom({ pairing, posts, activities, orgLife: orgLife.records }) });
  return {
    orgPairings: pairing.pairings,
    memberReports: pairing.reports,
    reportRecords: pairing.records,
    pairingStandards: pairing.standards,
    posts: posts.posts,
    postClaims: posts.claims,
    serviceLogs: posts.serviceLogs,
    activityQuotaPlans: activities.quotaPlans,
    activities: activities.activities,
    activityCheckins: activities.checkins,
    orgLifeStandards: orgLife.standards,
    orgLifeRecords: orgLife.records,
    meetings: meetings.meetings,
    meetingDecisions: meetings.decisions,
    pointEntries: points.entries,
    pointTotals: points.totals,
    pointOrgTotals: points.orgTotals,
  };
}
