import type { Activity, ActivityCheckin, ActivityKind, ActivityQuotaPlan, QuotaPeriod } from '@ronghe/schema';
import { stableId } from './prng.ts';
import type { PeopleDemoInput } from './types.ts';

// A year of joint activities for every running alliance (issue 11 § Activities):
// its quota plan (seed 000 9.2's 五个一 by default — no rows; about one in five
// alliances has negotiated seed 003's variant), the activities that plan asks
// for up to the demo's today — most alliances keep it, some fall behind — and
// the check-ins of 5–20 party members of the participating organizations.
// Consistent with the server's rules (packages/activities): held activities
// are dated on or before today, check-ins sit inside the window (30 minutes
// before the start to the end), participants are current members, one
// check-in per person and activity, codes unique in the county.

export interface ActivitiesDemoData {
  quotaPlans: ActivityQuotaPlan[];
  activities: Activity[];
  checkins: ActivityCheckin[];
}

type Row = { kind: ActivityKind; period: QuotaPeriod; required: number };

const DEFAULT: readonly Row[] = (['joint_study', 'joint_visit', 'joint_theme_day', 'practical_matters', 'mutual_review'] as const).map((kind) => ({ kind, period: 'year' as const, required: 1 }));
const SEED_003: readonly Row[] = [
  { kind: 'founding_rally', period: 'year', required: 1 },
  { kind: 'party_lesson', period: 'year', required: 1 },
  { kind: 'joint_visit', period: 'month', required: 1 },
  { kind: 'joint_theme_day', period: 'quarter', required: 1 },
  { kind: 'mutual_inspection', period: 'half', required: 1 },
];

const TITLES: Record<ActivityKind, string> = {
  joint_study: '“学习强国”联合学习',
  joint_visit: '联合走访慰问困难群众',
  joint_theme_day: '联合主题党日',
  practical_matters: '为民办实事',
  mutual_review: '互学互评互访',
  founding_rally: '联合体成立大会',
  party_lesson: '书记讲党课',
  mutual_inspection: '成员单位互查互评',
  other: '联建活动',
};

const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const HOUR = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function periods(year: number, period: QuotaPeriod): Array<{ start: string; end: string; month: number; months: number }> {
  const months = period === 'year' ? 12 : period === 'half' ? 6 : period === 'quarter' ? 3 : 1;
  const out = [];
  for (let m = 1; m <= 12; m += months) out.push({ start: `${year}-${pad(m)}-01`, end: `${year}-${pad(m + months - 1)}-${pad(lastDay(year, m + months - 1))}`, month: m, months });
  return out;
}

export function buildActivities(input: PeopleDemoInput): ActivitiesDemoData {
  const { rng, today, tenant } = input;
  const seed = `${tenant.slug}:activities`;
  const year = Number(today.slice(0, 4));
  const quotaPlans: ActivityQuotaPlan[] = [];
  const activities: Activity[] = [];
  const checkins: ActivityCheckin[] = [];
  const codes = new Set<string>();
  const membersByOrg = new Map<string, string[]>();
  for (const p of input.people) {
    if (p.status !== 'active' || !p.homeOrgId || p.kind !== 'party_member') continue;
    membersByOrg.set(p.homeOrgId, [...(membersByOrg.get(p.homeOrgId) ?? []), p.id]);
  }
  const at0 = Date.parse(`${year}-01-01T00:00:00+08:00`);

  for (const a of input.alliances.alliances) {
    if (a.status !== 'active' && a.status !== 'rectifying') continue;
    const participants = input.alliances.members.filter((m) => m.allianceId === a.id && m.leftOn === null).map((m) => m.orgId);
    if (!participants.includes(a.leadOrgId)) participants.unshift(a.leadOrgId);
    const negotiated = rng.chance(0.2);
    const plan = negotiated ? SEED_003 : DEFAULT;
    if (negotiated) {
      for (const r of plan) quotaPlans.push({ id: stableId('qpl', seed, `${a.id}|${r.kind}`, at0), allianceId: a.id, year, kind: r.kind, period: r.period, required: r.required, createdAt: at0, updatedAt: at0 });
    }
    // Most alliances keep their plan; a rectifying one, or about one in six, lets some periods slip.
    const keeps = a.status === 'active' ? rng.chance(5 / 6) : rng.chance(0.3);
    for (const r of plan) {
      for (const p of periods(year, r.period)) {
        if (p.start > today) break;
        if (!keeps && rng.chance(0.5)) continue;
        for (let i = 0; i < r.required; i++) {
          // A day inside the period and not after today.
          const lastDate = p.end < today ? p.end : today;
          const span = (Date.parse(`${lastDate}T00:00:00Z`) - Date.parse(`${p.start}T00:00:00Z`)) / 86_400_000;
          const day = new Date(Date.parse(`${p.start}T00:00:00Z`) + rng.int(0, span) * 86_400_000).toISOString().slice(0, 10);
          const startHour = rng.pick([9, 10, 14, 15]);
          const startsAt = Date.parse(`${day}T${pad(startHour)}:00:00+08:00`);
          const endsAt = startsAt + 2 * HOUR;
          const key = `${a.id}|${r.kind}|${p.start}|${i}`;
          const id = stableId('act', seed, key, startsAt);
          let code = '';
          do code = Array.from(rng.bytes(7), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
          while (codes.has(code));
          codes.add(code);
          // Held when its day has passed (or is today and it has ended); the rest still planned.
          const held = day < today;
          const pool = participants.flatMap((o) => membersByOrg.get(o) ?? []);
          const attendees = held ? rng.shuffle(pool).slice(0, Math.min(pool.length, rng.int(5, 20))) : [];
          for (const personId of attendees) {
            const at = startsAt - 30 * 60_000 + rng.int(0, 150) * 60_000;
            checkins.push({ id: stableId('chk', seed, `${id}|${personId}`, at), activityId: id, personId, allianceId: a.id, method: rng.chance(0.1) ? 'recorded' : 'self', distanceM: null, at, recordedBy: 'usr_demo' });
          }
          activities.push({
            id,
            allianceId: a.id,
            kind: r.kind,
            title: `${TITLES[r.kind]}（${Number(day.slice(5, 7))}月）`,
            activityDate: day,
            startTime: `${pad(startHour)}:00`,
            endTime: `${pad(startHour + 2)}:00`,
            startsAt,
            endsAt,
            place: rng.chance(0.6) ? '党群服务中心' : '成员单位活动室',
            placeOrgId: null,
            lat: null,
            lng: null,
            checkinRadiusM: null,
            organizerOrgId: a.leadOrgId,
            participantOrgIds: participants,
            summary: held ? `${TITLES[r.kind]}，成员单位党员共同参加。` : null,
            // An activity with nobody recorded was still held when its day passed (the alliance marked it).
            status: held ? 'held' : 'planned',
            code,
            attendance: attendees.length,
            version: 1,
            createdBy: 'usr_demo',
            createdAt: startsAt - 7 * 24 * HOUR,
            updatedAt: startsAt,
          });
        }
      }
    }
  }
  return { quotaPlans, activities, checkins };
}
