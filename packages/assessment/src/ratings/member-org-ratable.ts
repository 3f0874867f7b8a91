import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { currentMemberships, loadAllianceRefs } from '@ronghe/alliance/read';
import { orgNamesById } from '@ronghe/registry/read';
import { assessmentRatings, assessments, type MemberOrgRatableView } from '@ronghe/schema';

/**
 * 成员单位评价 (seed 003 mechanism 6): the open assessments of the alliances
 * the caller's organizations (its liaison or admin grants) are current members
 * of, each with that organization's answer when given.
 */
export async function memberOrgRatable({ ctx }: { ctx: Ctx }): Promise<MemberOrgRatableView[]> {
  const mine = new Set(
    ctx.actor.grants.filter((g) => (g.role === 'org_liaison' || g.role === 'alliance_admin') && g.scopeOrgId).map((g) => g.scopeOrgId!),
  );
  if (!mine.size) return [];
  const memberships = (await currentMemberships(ctx)).filter((m) => mine.has(m.orgId));
  if (!memberships.length) return [];
  const open = await ctx.db
    .select()
    .from(assessments)
    .where(and(inArray(assessments.allianceId, [...new Set(memberships.map((m) => m.allianceId))].slice(0, 90)), eq(assessments.status, 'open')));
  if (!open.length) return [];
  const [refs, names, answers] = await Promise.all([
    loadAllianceRefs(ctx, open.map((a) => a.allianceId)),
    orgNamesById(ctx, [...mine]),
    ctx.db
      .select()
      .from(assessmentRatings)
      .where(and(inArray(assessmentRatings.assessmentId, open.map((a) => a.id)), eq(assessmentRatings.raterGroup, 'member_org'))),
  ]);
  const orgName = new Map(names.map((n) => [n.id, n.name]));
  return open.flatMap((a) =>
    memberships
      .filter((m) => m.allianceId === a.allianceId)
      .map((m) => {
        const r = answers.find((x) => x.assessmentId === a.id && x.raterKey === m.orgId);
        return {
          assessmentId: a.id,
          allianceName: refs.get(a.allianceId)?.name ?? '',
          year: a.year,
          orgId: m.orgId,
          orgName: orgName.get(m.orgId) ?? '',
          mine: r ? { score: r.score, level: r.level, comment: r.comment, createdAt: r.createdAt } : null,
        };
      }),
  );
}
