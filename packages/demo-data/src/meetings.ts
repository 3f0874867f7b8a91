import { stableId } from './prng.ts';
import type { PeopleDemoInput } from './types.ts';

// Joint meetings (联席会议/工作例会, seed 002 (七), seed 000 9.4) of every running
// alliance, quarterly through the demo year, with a few missed quarters and
// decisions owned by current members — most done on time, some overdue.

/** Share of ended quarters an alliance lets pass without a meeting. */
export const MEETING_MISSED_SHARE = 0.08;
/** Share of decisions past their deadline that are still open (overdue, escalated). */
export const DECISION_OVERDUE_SHARE = 0.2;

export interface DemoMeeting {
  id: string;
  allianceId: string;
  heldOn: string;
  agenda: string;
  minutes: string;
  attendeeOrgIds: string[];
  attendeePersonIds: string[];
  createdBy: string;
  createdAt: number;
}

export interface DemoMeetingDecision {
  id: string;
  meetingId: string;
  allianceId: string;
  content: string;
  ownerOrgId: string;
  dueOn: string;
  status: 'open' | 'done';
  doneOn: string | null;
  doneNote: string | null;
  doneBy: string | null;
  doneByName: string | null;
  version: number;
  createdAt: number;
}

const AGENDAS = ['通报上季度共建项目进展，研究本季度重点任务', '研究需求清单、资源清单对接情况', '研究联合开展主题党日和志愿服务活动', '总结共建成效，部署下一阶段工作'];
const DECISIONS = ['完成助老食堂选址和改造', '联合开展一次走访慰问', '报送本季度共建项目清单', '组织成员单位党员到社区报到服务', '落实便民服务点值守安排', '完成共建资金使用公示'];
const DAY = 86_400_000;
const atNoon = (date: string) => Date.parse(`${date}T12:00:00+08:00`);
const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export function buildMeetings(input: PeopleDemoInput): { meetings: DemoMeeting[]; decisions: DemoMeetingDecision[] } {
  const { rng, today, tenant } = input;
  const year = Number(today.slice(0, 4));
  const currentQuarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const meetings: DemoMeeting[] = [];
  const decisions: DemoMeetingDecision[] = [];
  const membersOf = new Map<string, string[]>();
  for (const m of input.alliances.members) {
    if (m.leftOn) continue;
    const list = membersOf.get(m.allianceId);
    if (list) list.push(m.orgId);
    else membersOf.set(m.allianceId, [m.orgId]);
  }
  for (const a of input.alliances.alliances) {
    if (a.status !== 'active' && a.status !== 'rectifying') continue;
    const members = membersOf.get(a.id) ?? [a.leadOrgId];
    for (let q = 0; q <= currentQuarter; q++) {
      const open = q === currentQuarter;
      if (open ? !rng.chance(0.6) : rng.chance(MEETING_MISSED_SHARE)) continue;
      const from = atNoon(`${year}-${String(q * 3 + 1).padStart(2, '0')}-01`);
      const last = Math.min(q === 3 ? atNoon(`${year}-12-31`) : atNoon(`${year}-${String(q * 3 + 4).padStart(2, '0')}-01`) - DAY, atNoon(today));
      if (last < from) continue;
      // An alliance started this year meets from its start.
      const start = a.startedOn && a.startedOn > iso(from) ? atNoon(a.startedOn) : from;
      if (start > last) continue;
      const heldOn = iso(start + rng.int(0, Math.round((last - start) / DAY)) * DAY);
      const id = stableId('mtg', tenant.slug, `mtg:${a.id}:${q}`, atNoon(heldOn));
      meetings.push({
        id,
        allianceId: a.id,
        heldOn,
        agenda: rng.pick(AGENDAS),
        minutes: '与会成员单位通报工作进展，围绕议题充分讨论，形成决定事项，明确责任单位和办结期限。',
        attendeeOrgIds: members.filter((o) => o === a.leadOrgId || rng.chance(0.8)),
        attendeePersonIds: [],
        createdBy: 'usr_demo_meetings',
        createdAt: atNoon(heldOn) + 3 * 3_600_000,
      });
      const n = rng.int(1, 3);
      for (let i = 0; i < n; i++) {
        const dueOn = iso(atNoon(heldOn) + rng.int(20, 90) * DAY);
        const late = dueOn < today;
        const done = late ? !rng.chance(DECISION_OVERDUE_SHARE) : rng.chance(0.3);
        const doneOn = done ? iso(Math.min(atNoon(today), atNoon(heldOn) + rng.int(5, Math.max(5, Math.round((atNoon(dueOn) - atNoon(heldOn)) / DAY))) * DAY)) : null;
        decisions.push({
          id: stableId('mdc', tenant.slug, `mdc:${id}:${i}`, atNoon(heldOn)),
          meetingId: id,
          allianceId: a.id,
          content: rng.pick(DECISIONS),
          ownerOrgId: rng.pick(members),
          dueOn,
          status: done ? 'done' : 'open',
          doneOn,
          doneNote: done ? '已按期办结，情况已报联合体。' : null,
          doneBy: done ? 'usr_demo_meetings' : null,
          doneByName: done ? '成员单位联络员' : null,
          version: done ? 2 : 1,
          createdAt: atNoon(heldOn) + 3 * 3_600_000,
        });
      }
    }
  }
  return { meetings, decisions };
}
