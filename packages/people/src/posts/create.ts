import { auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { posts, type PostCreateInput, type PostView } from '@ronghe/schema';
import { assertOwner, fieldError, loadPost, ownersOf, postView, today } from './shared.ts';

/** 设岗定责: a community (organization) or an alliance defines a post. */
export async function createPost({ ctx, input }: { ctx: Ctx; input: PostCreateInput }): Promise<PostView> {
  const owner = (await ownersOf(ctx, [{ ownerOrgId: input.ownerOrgId ?? null, ownerAllianceId: input.ownerAllianceId ?? null }]))({
    ownerOrgId: input.ownerOrgId ?? null,
    ownerAllianceId: input.ownerAllianceId ?? null,
  });
  if (!owner.name) {
    throw input.ownerOrgId ? fieldError('body.ownerOrgId', '设岗社区（组织）不存在') : fieldError('body.ownerAllianceId', '设岗联合体不存在');
  }
  assertOwner(ctx, 'post.manage', owner, '只能为本单位或本单位牵头的联合体设岗');
  if (input.endsOn < today(ctx)) throw fieldError('body.endsOn', '结束日期已过，不能设立已结束的岗位');
  const now = ctx.clock.now();
  const id = newId('pst', now);
  const row = {
    id,
    ownerOrgId: input.ownerOrgId ?? null,
    ownerAllianceId: input.ownerAllianceId ?? null,
    title: input.title,
    duties: input.duties,
    places: input.places,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    skills: input.skills ?? [],
    status: 'open' as const,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(posts).values(row),
    auditInsert(ctx, { action: 'post.create', entityType: 'post', entityId: id, after: { ...row, createdBy: undefined } }),
  ]);
  const { post, owner: o } = await loadPost(ctx, id);
  return postView(post, o, today(ctx));
}
