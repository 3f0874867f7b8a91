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
 * short (behind). Returned only when there is one, so a lead with nothing
 * owed sees no empty card (at-risk rows show on the 活动考核 page, where the
 * time left is visible).
 */
export async function allianceQuotaTodos(ctx: Ctx, allianceIds: readonly string[]): Promise<TodoItemView[]> {
  if (!allianceIds.length) return [];
  const refs = [...(await loadAllianceRefs(ctx, allianceIds.slice(0, 90))).values()].filter((a) => RUNNING.includes(a.status));
  const today = shanghaiDate(ctx.clock.now());
  const views = await planViews(ctx, refs, Number(today.slice(0, 4)), today);
  const behind = views.filter((v) => v.standing === 'behind');
  if (!behind.length) return [];
  const t = `/t/${ctx.tenant.slug}`;
  return [
    {
      kind: 'activity.quota_behind',
      role: 'alliance_admin',
      title: '联合体年度活动考核未完成',
      count: behind.length,
      link: `${t}/activity-compliance?standing=behind`,
      items: behind.slice(0, SAMPLE).map((v) => ({
        id: v.allianceId,
        label: v.allianceName,
        link: `${t}/activity-compliance`,
        note: `未完成：${v.rows.filter((r) => r.standing === 'behind').map((r) => r.kindLabel).join('、')}`,
      })),
    },
  ];
}
