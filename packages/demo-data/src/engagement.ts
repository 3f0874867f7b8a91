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

/** Full hours in minutes ("每满1小时"), as packages/points/src/shared/period.ts fullHours. */
const fullHours = (minutes: number) => Math.max(0, Math.floor(minutes / 60));

/**
 * The awards the server's points consumer (packages/points/src/consumer/awards.ts)
 * would make for these rows, each at the moment its event is written:
 * a confirmed service log → service_hour per full hour, when confirmed;
 * an approved claim → post_duty, when decided; a check-in →
 * activity_attendance, when checked in; an organizational-life record → org_life
 * for each distinct attendee, when recorded; a 双报到 记实 → report_participation
 * per full hour, when recorded. Zero-unit awards are dropped, as there.
 */
export function awardsFrom(rows: {
  pairing: Pick<PairingDemoData, 'records'>;
  posts: Pick<PostsDemoData, 'claims' | 'serviceLogs'>;
  activities: Pick<ActivitiesDemoData, 'checkins'>;
  orgLife: readonly DemoOrgLifeRecord[];
}): DemoAward[] {
  const out: DemoAward[] = [];
  const push = (a: DemoAward) => {
    if (a.units > 0) out.push(a);
  };
  for (const s of rows.posts.serviceLogs)
    if (s.status === 'confirmed' && s.decidedAt !== null)
      push({ personId: s.personId, source: 'service_hour', sourceKey: `demo:service.confirmed:${s.id}`, sourceType: 'service.confirmed', sourceId: s.id, at: s.decidedAt, units: fullHours(s.minutes) });
  for (const c of rows.posts.claims)
    if (c.status === 'approved' && c.decidedAt !== null)
      push({ personId: c.personId, source: 'post_duty', sourceKey: `demo:post_claim.decided:${c.id}`, sourceType: 'post_claim.decided', sourceId: c.id, at: c.decidedAt, units: 1 });
  for (const k of rows.activities.checkins)
    push({ personId: k.personId, source: 'activity_attendance', sourceKey: `demo:activity.attendance_recorded:${k.id}`, sourceType: 'activity.attendance_recorded', sourceId: k.id, at: k.at, units: 1 });
  for (const r of rows.orgLife)
    for (const personId of new Set(r.attendeeIds))
      push({ personId, source: 'org_life', sourceKey: `demo:org_life.recorded:${r.id}:${personId}`, sourceType: 'org_life.recorded', sourceId: r.id, at: r.createdAt, units: 1 });
  for (const r of rows.pairing.records)
    push({ personId: r.personId, source: 'report_participation', sourceKey: `demo:report_record.added:${r.id}`, sourceType: 'report_record.added', sourceId: r.id, at: r.createdAt, units: fullHours(r.minutes) });
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
