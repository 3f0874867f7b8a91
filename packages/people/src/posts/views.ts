import { desc, eq } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
import { people, postClaims, posts, serviceLogs, type MyPostsView, type PostClaim, type PostClaimView, type PostWorkView, type ServiceLog, type ServiceLogView } from '@ronghe/schema';
import { assertOwner, loadPost, ownersOf, postView, today } from './shared.ts';

// Reads of claims and service records: the owner's work list of one post and a member's own page.

async function namesOf(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db.select({ id: people.id, name: people.name }).from(people).where(inList(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const claimView = (c: PostClaim, names: Map<string, string>): PostClaimView => ({
  id: c.id,
  postId: c.postId,
  personId: c.personId,
  personName: names.get(c.personId) ?? '',
  groupId: c.groupId,
  status: c.status,
  note: c.note,
  decisionReason: c.decisionReason,
  claimedOn: c.claimedOn,
});

const logView = (s: ServiceLog, names: Map<string, string>): ServiceLogView => ({
  id: s.id,
  claimId: s.claimId,
  postId: s.postId,
  personId: s.personId,
  personName: names.get(s.personId) ?? '',
  serviceDate: s.serviceDate,
  minutes: s.minutes,
  description: s.description,
  status: s.status,
  decisionReason: s.decisionReason,
});

/** A post's claims and service records, for its owner (who approves claims and confirms service). */
export async function postWork({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<PostWorkView> {
  const { post, owner } = await loadPost(ctx, input.id);
  assertOwner(ctx, 'post.decide', owner, '只有设岗的社区或联合体可以查看领岗和服务记录');
  const [claims, logs] = await Promise.all([
    ctx.db.select().from(postClaims).where(eq(postClaims.postId, post.id)).orderBy(desc(postClaims.createdAt), desc(postClaims.id)).limit(1000),
    ctx.db.select().from(serviceLogs).where(eq(serviceLogs.postId, post.id)).orderBy(desc(serviceLogs.serviceDate), desc(serviceLogs.id)).limit(1000),
  ]);
  const names = await namesOf(ctx, claims.map((c) => c.personId));
  return { post: postView(post, owner, today(ctx)), claims: claims.map((c) => claimView(c, names)), serviceLogs: logs.map((s) => logView(s, names)) };
}

/** A member's claims with their posts and service records, and the confirmed minutes in total. */
export async function myPostsOf(ctx: Ctx, personId: string, personName: string): Promise<MyPostsView> {
  const [claims, logs] = await Promise.all([
    ctx.db.select().from(postClaims).where(eq(postClaims.personId, personId)).orderBy(desc(postClaims.createdAt), desc(postClaims.id)).limit(500),
    ctx.db.select().from(serviceLogs).where(eq(serviceLogs.personId, personId)).orderBy(desc(serviceLogs.serviceDate), desc(serviceLogs.id)).limit(2000),
  ]);
  const postRows = claims.length ? await ctx.db.select().from(posts).where(inList(posts.id, [...new Set(claims.map((c) => c.postId))])) : [];
  const ownerOf = await ownersOf(ctx, postRows);
  const on = today(ctx);
  const byId = new Map(postRows.map((p) => [p.id, postView(p, ownerOf(p), on)]));
  const names = new Map([[personId, personName]]);
  return {
    claims: claims.map((c) => ({ ...claimView(c, names), post: byId.get(c.postId)!, serviceLogs: logs.filter((s) => s.claimId === c.id).map((s) => logView(s, names)) })),
    confirmedMinutes: logs.filter((s) => s.status === 'confirmed').reduce((n, s) => n + s.minutes, 0),
  };
}
