import { and, eq, sql } from 'drizzle-orm';
import { shanghaiDate, type Ctx } from '@ronghe/core';
import { meetingQuarters, quotaFigures } from '@ronghe/activities/read';
import { currentMemberIds } from '@ronghe/alliance/read';
import { allianceListFigures } from '@ronghe/lists/read';
import { memberOrgFigures } from '@ronghe/people/read';
import { branchPoints } from '@ronghe/points/read';
import { assessmentRatings, RATER_GROUP_LABELS, type IndicatorMetric, type RaterGroup, type SchemeIndicator } from '@ronghe/schema';
import { points, ratioRaw } from './scoring.ts';

/** 党员人均积分: the yearly points per party member that earn the full score (one a month); fewer earn their share. */
export const POINTS_PER_MEMBER_TARGET = 12;
/** 逾期事项: raw points taken off per overdue need or project, down to 0. */
export const OVERDUE_DEDUCTION = 1;

export interface Line {
  raw: number;
  evidence: Record<string, unknown> & { text: string };
}

/**
 * The computed and rated indicators of an alliance's assessment, from the
 * other capabilities' reads (ADR 0010) and this one's ratings. The rules (each
 * in hundredths of a raw point, half up, see scoring.ts):
 *  - quota_compliance: held ÷ due “五个一” activities (periods begun by the reference date) × max;
 *  - meetings_held: quarters with a joint meeting ÷ quarters begun × max;
 *  - projects_on_time: completed on time ÷ completed in the year × max (none completed → 0);
 *  - needs_met: met ÷ received in the year × max (none received → 0);
 *  - overdue_items: max − 1 point per overdue need or project, not below 0;
 *  - points_per_member: (member organizations' points ÷ their party members) ÷ 12 × max, capped at max;
 *  - member_report_compliance: in-service members meeting 双报到 ÷ in-service members × max (none → max: nobody to report);
 *  - member_org_satisfaction and rated groups: average rating (0–100) ÷ 100 × max; no rating yet → 0, said in the evidence.
 * The reference date is the year's last day, or today while the year runs.
 */
export async function gatherLines(ctx: Ctx, a: { id: string; allianceId: string; year: number }, indicators: readonly SchemeIndicator[]): Promise<Map<string, Line>> {
  const today = shanghaiDate(ctx.clock.now());
  const ref = today < `${a.year}-12-31` ? today : `${a.year}-12-31`;
  const metrics = new Set(indicators.map((i) => i.metric).filter((m): m is IndicatorMetric => !!m));
  const need = (...ms: IndicatorMetric[]) => ms.some((m) => metrics.has(m));
  const members = need('points_per_member', 'member_report_compliance') ? [...(await currentMemberIds(ctx, a.allianceId))] : [];
  const [quota, meetings, lists, orgFigures, pts, ratings] = await Promise.all([
    need('quota_compliance') ? quotaFigures(ctx, a.allianceId, a.year, ref) : null,
    need('meetings_held') ? meetingQuarters(ctx, a.allianceId, a.year, ref) : null,
    need('projects_on_time', 'needs_met', 'overdue_items') ? allianceListFigures(ctx, a.allianceId, a.year, ref) : null,
    need('points_per_member', 'member_report_compliance') ? memberOrgFigures(ctx, a.year, members) : null,
    need('points_per_member') ? branchPoints(ctx, a.year, members) : null,
    ctx.db
      .select({ group: assessmentRatings.raterGroup, n: sql<number>`count(*)`, sum: sql<number>`coalesce(sum(${assessmentRatings.score}), 0)` })
      .from(assessmentRatings)
      .where(and(eq(assessmentRatings.assessmentId, a.id)))
      .groupBy(assessmentRatings.raterGroup),
  ]);
  const rated = (group: RaterGroup, max: number): Line => {
    const r = ratings.find((x) => x.group === group);
    const n = Number(r?.n ?? 0);
    const sum = Number(r?.sum ?? 0);
    if (!n) return { raw: 0, evidence: { group, ratings: 0, text: `${RATER_GROUP_LABELS[group]}：暂无评价，按 0 分计` } };
    const raw = ratioRaw(sum, n * 100, max);
    return { raw, evidence: { group, ratings: n, scoreSum: sum, text: `${RATER_GROUP_LABELS[group]}：${n} 份评价，平均 ${points(Math.floor((sum * 100 + Math.floor(n / 2)) / n))} 分（百分制），折合 ${points(raw)} / ${max} 分` } };
  };
  const out = new Map<string, Line>();
  for (const i of indicators) {
    const max = i.maxScore;
    if (i.kind === 'rated' && i.raterGroup) out.set(i.id, rated(i.raterGroup, max));
    if (i.kind !== 'computed' || !i.metric) continue;
    let line: Line;
    switch (i.metric) {
      case 'quota_compliance': {
        const q = quota!;
        const raw = ratioRaw(q.held, q.due, max);
        line = { raw, evidence: { held: q.held, due: q.due, ownPlan: q.ownPlan, text: `截至 ${ref}，应开展“五个一”活动 ${q.due} 次，已开展 ${q.held} 次${q.ownPlan ? '' : '（按默认活动计划）'}，得 ${points(raw)} / ${max} 分` } };
        break;
      }
      case 'meetings_held': {
        const m = meetings!;
        const raw = ratioRaw(m.held, m.due, max);
        line = { raw, evidence: { quartersHeld: m.held, quartersDue: m.due, text: `应召开联席会议 ${m.due} 个季度，已召开 ${m.held} 个季度，得 ${points(raw)} / ${max} 分` } };
        break;
      }
      case 'projects_on_time': {
        const l = lists!;
        const raw = ratioRaw(l.projectsOnTime, l.projectsCompleted, max);
        line = { raw, evidence: { completed: l.projectsCompleted, onTime: l.projectsOnTime, text: l.projectsCompleted ? `本年度完成项目 ${l.projectsCompleted} 个，其中按期完成 ${l.projectsOnTime} 个，得 ${points(raw)} / ${max} 分` : '本年度没有完成的项目，按 0 分计' } };
        break;
      }
      case 'needs_met': {
        const l = lists!;
        const raw = ratioRaw(l.needsMet, l.needsReceived, max);
        line = { raw, evidence: { received: l.needsReceived, met: l.needsMet, text: l.needsReceived ? `本年度受理需求 ${l.needsReceived} 项，已满足 ${l.needsMet} 项，得 ${points(raw)} / ${max} 分` : '本年度没有受理的需求，按 0 分计' } };
        break;
      }
      case 'overdue_items': {
        const l = lists!;
        const overdue = l.overdueNeeds + l.overdueProjects;
        const raw = Math.max(0, max - overdue * OVERDUE_DEDUCTION) * 100;
        line = { raw, evidence: { overdueNeeds: l.overdueNeeds, overdueProjects: l.overdueProjects, text: `截至 ${ref}，逾期未完成的需求 ${l.overdueNeeds} 项、项目 ${l.overdueProjects} 个，每项扣 ${OVERDUE_DEDUCTION} 分，得 ${points(raw)} / ${max} 分` } };
        break;
      }
      case 'points_per_member': {
        const total = [...pts!.values()].reduce((s, v) => s + v, 0);
        const n = orgFigures!.partyMembers;
        // (total ÷ n) ÷ target × max = total ÷ (n × target) × max.
        const raw = ratioRaw(total, n * POINTS_PER_MEMBER_TARGET, max);
        line = { raw, evidence: { points: total, partyMembers: n, target: POINTS_PER_MEMBER_TARGET, text: n ? `成员单位党员 ${n} 名，年度积分合计 ${total} 分，人均 ${points(Math.floor((total * 100 + Math.floor(n / 2)) / n))} 分（满分标准 ${POINTS_PER_MEMBER_TARGET} 分），得 ${points(raw)} / ${max} 分` : '成员单位没有登记的党员，按 0 分计' } };
        break;
      }
      case 'member_report_compliance': {
        const f = orgFigures!;
        const raw = ratioRaw(f.reportMet, f.inService, max, max * 100);
        line = { raw, evidence: { inService: f.inService, met: f.reportMet, text: f.inService ? `成员单位在职党员 ${f.inService} 名，“双报到”达标 ${f.reportMet} 名，得 ${points(raw)} / ${max} 分` : '成员单位没有在职党员，无需“双报到”，得满分' } };
        break;
      }
      case 'member_org_satisfaction':
        line = rated('member_org', max);
        break;
    }
    out.set(i.id, line);
  }
  return out;
}
