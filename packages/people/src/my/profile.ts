import { eq } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { currentMembershipsOf } from '@ronghe/alliance/read';
import { orgJoin } from '@ronghe/registry/read';
import { people, type MyProfile } from '@ronghe/schema';

/** The message every /my page answers with when the signed-in account is nobody in the registry. */
export const NOT_A_PERSON = '当前账号尚未关联党员信息，请联系所在党组织或旗县区管理员';

/**
 * The member's own page: themself (with their own full phone), their home
 * branch and every alliance that branch is a current member of.
 */
export async function myProfile({ ctx }: { ctx: Ctx }): Promise<MyProfile> {
  // The person and their home branch's name in one statement (never the identity number: this page does not show it).
  const home = orgJoin('my_home');
  const [me] = await ctx.db
    .select({
      id: people.id,
      name: people.name,
      kind: people.kind,
      partyStanding: people.partyStanding,
      inService: people.inService,
      workUnit: people.workUnit,
      skills: people.skills,
      phone: people.phone,
      status: people.status,
      homeOrgId: home.id,
      homeOrgName: home.name,
    })
    .from(people)
    .leftJoin(home, eq(home.id, people.homeOrgId))
    .where(eq(people.userId, ctx.actor.userId))
    .limit(1);
  if (!me) throw new AppError('not_found', NOT_A_PERSON);
  const { homeOrgId, homeOrgName, ...person } = me;
  const alliances = homeOrgId ? await currentMembershipsOf(ctx, homeOrgId) : [];
  return { person, homeOrg: homeOrgId ? { id: homeOrgId, name: homeOrgName ?? '' } : null, alliances };
}
