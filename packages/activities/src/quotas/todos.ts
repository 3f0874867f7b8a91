import type { Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { shanghaiDate } from '@ronghe/core';
import type { TodoItemView } from '@ronghe/schema';
import { RUNNING } from '../activities/shared.ts';
import { planViews } from './standings.ts';

const SAMPLE = 10;

/**
 * The 工作台 reminder of an alliance's admin (issue 11 § Activities): running
 * alliances it leads whose quota plan for this year has a period that ended
 * short (behind), and those with a period at risk. Each card is returned
 * only when it has a row, so a lead with nothing owed sees no empty card.
 */
export async function allianceQuotaTodos(ctx: Ctx, allianceIds: readonly string[]): Promise<TodoItemView[]> {
  if (!allianceIds.length) return [];
  const today = shanghaiDate(ctx.clock.now());
  // The alliances' names and statuses and their plans are read side by side (the sidebar asks every 30 s), then
  // only the running ones are kept. Every alliance it leads: planViews reads the year whole past 90 ids.
  const [refs, all] = await Promise.all([
    loadAllianceRefs(ctx, allianceIds),
    planViews(ctx, allianceIds.map((id) => ({ id, name: '' })), Number(today.slice(0, 4)), today),
  ]);
  const views = all.flatMap((v) => {
    const a = refs.get(v.allianceId);
    return a && RUNNING.includes(a.status) ? [{ ...v, allianceName: a.name }] : [];
  });
  const behind = views.filter((v) => v.standing === 'behind');
  // At risk (issue 11b): a period still open that cannot be met at the usual pace; an alliance already behind is listed there.
  const atRisk = views.filter((v) => v.standing === 'at_risk');
  const t = `/t/${ctx.tenant.slug}`;
  const card = (kind: string, title: string, standing: 'behind' | 'at_risk', list: typeof views, noteLabel: string): TodoItemView => ({
    kind,
    role: 'alliance_admin',
    title,
    count: list.length,
    link: `${t}/activity-compliance?standing=${standing}`,
    items: list.slice(0, SAMPLE).map((v) => ({
      id: v.allianceId,
      label: v.allianceName,
      link: `${t}/activity-compliance`,
      note: `${noteLabel}：${v.rows.filter((r) => r.standing === standing).map((r) => r.kindLabel).join('、')}`,
    })),
  });
  return [
    ...(behind.length ? [card('activity.quota_behind', '联合体年度活动考核未完成', 'behind', behind, '未完成')] : []),
    ...(atRisk.length ? [card('activity.quota_at_risk', '联合体年度活动考核有完不成的风险', 'at_risk', atRisk, '有风险')] : []),
  ];
}
