import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { assessmentRatings, type MyRatableView } from '@ronghe/schema';
import { memberRater, openAssessmentsOf } from './member.ts';

/** 我的评议: the open assessments a member may rate, each with their answer when given. */
export async function myRatable({ ctx }: { ctx: Ctx }): Promise<MyRatableView[]> {
  const { person, allianceIds } = await memberRater(ctx);
  const open = await openAssessmentsOf(ctx, allianceIds);
  if (!open.length) return [];
  const [refs, mine] = await Promise.all([
    loadAllianceRefs(ctx, open.map((a) => a.allianceId)),
    ctx.db
      .select()
      .from(assessmentRatings)
      .where(and(inArray(assessmentRatings.assessmentId, open.map((a) => a.id)), eq(assessmentRatings.raterGroup, 'member'), eq(assessmentRatings.raterKey, person.id))),
  ]);
  const byAssessment = new Map(mine.map((r) => [r.assessmentId, r]));
  return open
    .map((a) => {
      const r = byAssessment.get(a.id);
      return {
        assessmentId: a.id,
        allianceName: refs.get(a.allianceId)?.name ?? '',
        year: a.year,
        mine: r ? { score: r.score, level: r.level, comment: r.comment, createdAt: r.createdAt } : null,
      };
    })
    .sort((x, y) => y.year - x.year || x.allianceName.localeCompare(y.allianceName, 'zh-CN'));
}
