import { eq } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { currentMembershipsOf } from '@ronghe/alliance/read';
import { organizationsById } from '@ronghe/registry/read';
import { people, type MyProfile } from '@ronghe/schema';

/** The message every /my page answers with when the signed-in account is nobody in the registry. */
export const NOT_A_PERSON = '当前账号尚未关联党员信息，请联系所在党组织或旗县区管理员';

/**
 * The member's own page: themself (with their own full phone), their home
 * branch and every alliance that branch is a current member of.
 */
export async function myProfile({ ctx }: { ctx: Ctx }): Promise<MyProfile> {
  const [me] = await ctx.db.select().from(people).where(eq(people.userId, ctx.actor.userId)).limit(1);
  if (!me) throw new AppError('not_found', NOT_A_PERSON);
  const home = me.homeOrgId ? ((await organizationsById(ctx, [me.homeOrgId])).get(me.homeOrgId) ?? null) : null;
  const alliances = home ? await currentMembershipsOf(ctx, home.id) : [];
  return {
    person: {
      id: me.id,
      name: me.name,
      kind: me.kind,
      partyStanding: me.partyStanding,
      inService: me.inService,
      workUnit: me.workUnit,
      skills: me.skills,
      phone: me.phone,
      status: me.status,
    },
    homeOrg: home ? { id: home.id, name: home.name } : null,
    alliances,
  };
}
