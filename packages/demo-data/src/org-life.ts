import type { OrgLifeKind, OrgLifePeriod } from '../../../schema/enums.ts';
import { ORG_LIFE_PERIOD_MONTHS } from '../../../schema/enums.ts';
import { stableId } from './prng.ts';
import type { PeopleDemoInput } from './types.ts';

// A year of branch organizational life (seed 004 二(三)) for every branch of a
// county: one row per meeting, attendees as a JSON array (a branch holds about
// 40 meetings a year, so a county of ~1,000 branches writes ~40,000 rows — not
// one row per attendee). Most branches keep the regulations' frequencies; about
// one in seven skips some months or quarters and shows as behind.

/** The branch work regulations' defaults, as the server's (packages/activities/src/org-life/rules.ts). */
export const DEMO_ORG_LIFE_STANDARDS: ReadonlyArray<{ kind: OrgLifeKind; period: OrgLifePeriod; times: number }> = [
  { kind: 'congress', period: 'quarter', times: 1 },
  { kind: 'committee', period: 'month', times: 1 },
  { kind: 'group', period: 'month', times: 1 },
  { kind: 'lecture', period: 'quarter', times: 1 },
  { kind: 'theme_day', period: 'month', times: 1 },
  { kind: 'life_meeting', period: 'year', times: 1 },
  { kind: 'appraisal', period: 'year', times: 1 },
];

/**
 * Months before today's month from which meetings name their attendees. The
 * earlier rows of the year carry head counts only (补录 from paper minutes):
 * each named attendee earns an org_life ledger entry, and naming them all year
 * made about a million entries city-wide, too many to seed in reasonable time.
 */
export const ORG_LIFE_NAMED_MONTHS = 1;

/** Share of branches that skip some periods (behind in compliance). */
export const ORG_LIFE_BEHIND_SHARE = 0.15;

const TOPICS: Record<OrgLifeKind, readonly string[]> = {
  congress: ['通报支部工作，讨论发展党员', '学习传达上级会议精神', '讨论年度工作计划', '审议党费收缴使用情况'],
  committee: ['研究本月支部工作', '研究党员教育管理工作', '研究为民办实事项目', '研究主题党日安排'],
  group: ['学习党的创新理论', '交流思想工作情况', '开展谈心谈话', '学习党章党规'],
  lecture: ['支部书记讲党课', '学习贯彻党的二十大精神', '党史学习教育专题党课', '作风建设专题党课'],
  theme_day: ['走访慰问困难党员', '红色教育基地参观学习', '社区志愿服务', '重温入党誓词'],
  life_meeting: ['年度组织生活会，开展批评与自我批评'],
  appraisal: ['年度民主评议党员'],
};

export interface DemoOrgLifeStandard {
  year: number;
  kind: OrgLifeKind;
  period: OrgLifePeriod;
  times: number;
  version: number;
  updatedBy: string;
  updatedAt: number;
}

export interface DemoOrgLifeRecord {
  id: string;
  orgId: string;
  kind: OrgLifeKind;
  heldOn: string;
  topic: string;
  minutes: string;
  attendeeIds: string[];
  expectedCount: number;
  presentCount: number;
  createdBy: string;
  createdAt: number;
}

const DAY = 86_400_000;
const atNoon = (date: string) => Date.parse(`${date}T12:00:00+08:00`);
const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** A day of `year`'s month range [m0, m1) (0-based months), not after `today`; null when the range starts after it. */
function dayIn(rng: PeopleDemoInput['rng'], year: number, m0: number, m1: number, today: string): string | null {
  const from = atNoon(`${year}-${String(m0 + 1).padStart(2, '0')}-01`);
  const to = m1 >= 12 ? atNoon(`${year}-12-31`) : atNoon(`${year}-${String(m1 + 1).padStart(2, '0')}-01`) - DAY;
  const last = Math.min(to, atNoon(today));
  if (last < from) return null;
  return iso(from + rng.int(0, Math.round((last - from) / DAY)) * DAY);
}

/**
 * Standards for the demo year (the defaults, written as the county's rows) and
 * every branch's meetings from 1 January to `today`. A compliant branch holds
 * every ended period's meetings and, half the time, the current period's too;
 * a branch that is behind skips ended periods now and then.
 */
export function buildOrgLife(input: PeopleDemoInput): { standards: DemoOrgLifeStandard[]; records: DemoOrgLifeRecord[] } {
  const { rng, today, tenant } = input;
  const year = Number(today.slice(0, 4));
  const at = atNoon(`${year}-01-02`);
  const standards = DEMO_ORG_LIFE_STANDARDS.map((s) => ({ year, ...s, version: 1, updatedBy: 'usr_demo_org_life', updatedAt: at }));
  const members = new Map<string, string[]>();
  for (const p of input.people) {
    if (p.status !== 'active' || p.kind !== 'party_member' || !p.homeOrgId) continue;
    const list = members.get(p.homeOrgId);
    if (list) list.push(p.id);
    else members.set(p.homeOrgId, [p.id]);
  }
  const nowMonth = Number(today.slice(5, 7)) - 1;
  const namedFrom = `${year}-${String(Math.max(0, nowMonth - ORG_LIFE_NAMED_MONTHS) + 1).padStart(2, '0')}-01`;
  const records: DemoOrgLifeRecord[] = [];
  const branches = input.orgs.filter((o) => o.kind === '党支部' || o.kind === '联合党支部');
  for (const b of branches) {
    const behind = rng.chance(ORG_LIFE_BEHIND_SHARE);
    const roll = members.get(b.id) ?? [];
    for (const s of DEMO_ORG_LIFE_STANDARDS) {
      const len = ORG_LIFE_PERIOD_MONTHS[s.period];
      for (let p = 0; p * len <= nowMonth; p++) {
        const open = (p + 1) * len > nowMonth; // the period today falls in
        if (open ? !rng.chance(0.5) : behind && rng.chance(0.3)) continue;
        for (let n = 0; n < s.times; n++) {
          const heldOn = dayIn(rng, year, p * len, (p + 1) * len, today);
          if (!heldOn) continue;
          const attendees = roll.filter(() => rng.chance(0.85));
          records.push({
            id: stableId('olr', tenant.slug, `olr:${b.id}:${s.kind}:${p}:${n}`, atNoon(heldOn)),
            orgId: b.id,
            kind: s.kind,
            heldOn,
            topic: rng.pick(TOPICS[s.kind]),
            minutes: `应到 ${roll.length} 人，实到 ${attendees.length} 人。会议按议程进行，形成会议记录。`,
            attendeeIds: heldOn >= namedFrom ? attendees : [],
            expectedCount: roll.length,
            presentCount: attendees.length,
            createdBy: 'usr_demo_org_life',
            createdAt: atNoon(heldOn) + 3 * 3_600_000,
          });
        }
      }
    }
  }
  return { standards, records };
}
