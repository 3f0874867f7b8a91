import { and, eq, inArray } from 'drizzle-orm';
import { forbidden, type Ctx } from '@ronghe/core';
import { currentMemberships } from '@ronghe/alliance/read';
import { personOfUser, type PersonRef } from '@ronghe/people/read';
import { organizationsById } from '@ronghe/registry/read';
import { assessments } from '@ronghe/schema';

/**
 * The member behind the signed-in account and the alliances they may rate
 * (党员评议): those with a current member organization that is their home
 * branch or lies above it. A person who left, or has no home branch, rates none.
 */
export async function memberRater(ctx: Ctx): Promise<{ person: PersonRef; allianceIds: Set<string> }> {
  const person = await personOfUser(ctx, ctx.actor.userId);
  if (!person) throw forbidden('当前账号未关联本旗县区的党员，无法参加党员评议');
  if (person.status !== 'active' || person.kind !== 'party_member' || !person.homeOrgId) return { person, allianceIds: new Set() };
  const [home, memberships] = await Promise.all([organizationsById(ctx, [person.homeOrgId]), currentMemberships(ctx)]);
  const path = home.get(person.homeOrgId)?.path ?? '';
  return { person, allianceIds: new Set(memberships.filter((m) => path.includes(`/${m.orgId}/`)).map((m) => m.allianceId)) };
}

/** The open assessments of these alliances. */
export async function openAssessmentsOf(ctx: Ctx, allianceIds: Set<string>) {
  if (!allianceIds.size) return [];
  return ctx.db
    .select()
    .from(assessments)
    .where(and(inArray(assessments.allianceId, [...allianceIds].slice(0, 90)), eq(assessments.status, 'open')));
}
