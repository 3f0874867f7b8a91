import { eq } from 'drizzle-orm';
import { AppError, notFound, shanghaiDate, type Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { allows, type Action, type Target } from '@ronghe/identity';
import { organizationsById } from '@ronghe/registry/read';
import { posts, type Post, type PostView } from '@ronghe/schema';
import { personOfUser, type PersonRef } from '../read.ts';

// What the post verbs share: loading a post with its owner, the owner's
// scope for the role matrix, and the view.

export interface PostOwner {
  name: string;
  target: Target;
}

export const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

/** Owners (community or alliance) of posts, with their names and the matrix target. */
export async function ownersOf(ctx: Ctx, rows: ReadonlyArray<Pick<Post, 'ownerOrgId' | 'ownerAllianceId'>>): Promise<(p: Pick<Post, 'ownerOrgId' | 'ownerAllianceId'>) => PostOwner> {
  const [orgs, alliances] = await Promise.all([
    organizationsById(ctx, rows.map((r) => r.ownerOrgId).filter((x): x is string => !!x)),
    loadAllianceRefs(ctx, rows.map((r) => r.ownerAllianceId).filter((x): x is string => !!x)),
  ]);
  return (p) => {
    if (p.ownerOrgId) {
      const o = orgs.get(p.ownerOrgId);
      return { name: o?.name ?? '', target: { orgId: p.ownerOrgId, orgPath: o?.path } };
    }
    const a = alliances.get(p.ownerAllianceId!);
    return { name: a?.name ?? '', target: { allianceId: p.ownerAllianceId!, leadOrgId: a?.leadOrgId, committeePath: a?.committeePath } };
  };
}

export function claimable(p: Post, on: string): boolean {
  return p.status === 'open' && p.endsOn >= on && p.taken < p.places;
}

export function postView(p: Post, owner: PostOwner, on: string): PostView {
  return {
    id: p.id,
    ownerOrgId: p.ownerOrgId,
    ownerAllianceId: p.ownerAllianceId,
    ownerName: owner.name,
    title: p.title,
    duties: p.duties,
    places: p.places,
    taken: p.taken,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    skills: p.skills,
    status: p.status,
    claimable: claimable(p, on),
    version: p.version,
    createdAt: p.createdAt,
  };
}

export async function loadPost(ctx: Ctx, id: string): Promise<{ post: Post; owner: PostOwner }> {
  const [post] = await ctx.db.select().from(posts).where(eq(posts.id, id)).limit(1);
  if (!post) throw notFound('岗位');
  const owner = (await ownersOf(ctx, [post]))(post);
  return { post, owner };
}

/** The post owner's right (设岗单位): refused with 403 for anyone else. */
export function assertOwner(ctx: Ctx, action: Action, owner: PostOwner, what = '只有设岗的社区或联合体可以管理该岗位'): void {
  if (!allows(ctx.actor, action, owner.target)) throw new AppError('forbidden', what);
}

/** The signed-in member's person in the registry (member self-service), or 404. */
export async function requireSelf(ctx: Ctx): Promise<PersonRef> {
  const me = await personOfUser(ctx, ctx.actor.userId);
  if (!me || me.status !== 'active') throw new AppError('not_found', '当前账号不是本旗县区人员名册中的在册人员，请联系管理员', { errors: [] });
  return me;
}

export const fieldError = (path: string, message: string, code: 'validation_failed' | 'conflict' = 'validation_failed') =>
  new AppError(code, message, { errors: [{ path, message }] });
