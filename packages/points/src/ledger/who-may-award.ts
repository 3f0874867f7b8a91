import { allows } from '@ronghe/identity';
import type { Ctx } from '@ronghe/core';
import type { Role } from '@ronghe/schema';

/**
 * Whether the actor may award a rule by hand to a person of this home
 * branch: one of the actor's grants must be a role the rule names AND cover
 * the person (the county administrator anyone in the county; a liaison the
 * members of its own organization — the matrix's `points.award` scopes).
 */
export function mayAwardByHand(ctx: Ctx, awardRoles: readonly Role[], homeOrgId: string | null): boolean {
  return ctx.actor.grants.some((g) => awardRoles.includes(g.role) && allows({ ...ctx.actor, grants: [g] }, 'points.award', { orgId: homeOrgId ?? undefined }));
}
