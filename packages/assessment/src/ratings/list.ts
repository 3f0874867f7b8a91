import { asc, eq } from 'drizzle-orm';
import { forbidden, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { currentMembersQuery } from '@ronghe/alliance/read';
import { assessmentRatings, RATER_GROUPS, type AssessmentRating, type AssessmentRatingsView, type RatingTally } from '@ronghe/schema';
import { sql } from 'drizzle-orm';
import { linkStats } from './links-stats.ts';
import { loadAssessment } from './load.ts';
import { ratingView } from './view.ts';

/** Per group: how many answered, the average score in hundredths (half away from zero), and the tally of levels. */
export function tallies(ratings: readonly Pick<AssessmentRating, 'raterGroup' | 'score' | 'level'>[]): RatingTally[] {
  return RATER_GROUPS.map((group) => {
    const mine = ratings.filter((r) => r.raterGroup === group);
    const levels: Record<string, number> = {};
    for (const r of mine) levels[r.level] = (levels[r.level] ?? 0) + 1;
    const sum = mine.reduce((s, r) => s + r.score, 0);
    return { group, count: mine.length, average: mine.length ? Math.round((sum * 100) / mine.length) : null, levels };
  });
}

/**
 * 四评 as the committee reads it: tallies per group, every rating with its
 * comment (members and residents stay anonymous; the others are named), and
 * the residents' links counted.
 */
export async function listRatings({ ctx, input }: { ctx: Ctx; input: { assessmentId: string } }): Promise<AssessmentRatingsView> {
  const { assessment, alliance, target } = await loadAssessment(ctx, input.assessmentId);
  if (!allows(ctx.actor, 'rating.read', target)) throw forbidden('四评结果由批准该联合体的党（工）委及上级查看');
  const [rows, members, links] = await Promise.all([
    ctx.db.select().from(assessmentRatings).where(eq(assessmentRatings.assessmentId, assessment.id)).orderBy(asc(assessmentRatings.createdAt), asc(assessmentRatings.id)),
    currentMembersQuery(ctx, sql`${alliance.id}`),
    linkStats(ctx, assessment.id),
  ]);
  const orgNames = new Map(members.map((m) => [m.orgId, m.name]));
  const rater = (r: AssessmentRating) =>
    r.raterGroup === 'department' ? r.raterKey : r.raterGroup === 'member_org' ? (orgNames.get(r.raterKey) ?? '原成员单位') : r.raterGroup === 'committee' ? '委员' : null;
  return {
    assessmentId: assessment.id,
    allianceName: alliance.name,
    year: assessment.year,
    status: assessment.status,
    tallies: tallies(rows),
    ratings: rows.map((r) => ratingView(r, rater(r))),
    links,
    memberOrgs: members.map((m) => ({ id: m.orgId, name: m.name })),
  };
}
