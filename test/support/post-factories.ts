import { makePerson, personRow } from './people-factories.ts';
import { and, eq } from 'drizzle-orm';
import { newId, openDb, shanghaiDate } from '@ronghe/core';
import { people, postClaims, posts, roleGrants, serviceLogs, type Person, type Post, type PostClaim, type ServiceLog } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

// 报到领岗 test data, inserted straight into the tenant database (setup only:
// the rules themselves are exercised through the API in
// packages/people/src/posts/posts.test.ts).

let seq = 0;
const DAY = 86_400_000;
export const dayOffset = (days: number) => shanghaiDate(Date.now() + days * DAY);
const tenantDb = (tenant: string) => openDb(bindings[findTenant(tenant)!.binding]!);

// One factory for people (test/support/people-factories.ts), re-exported for the posts tests that import it from here.
export { makePerson };

/** The person an account is in the registry: the existing one, or a new one. */
export async function personForUser(tenant: string, userId: string, fields: Partial<Person> = {}): Promise<Person> {
  const [found] = await tenantDb(tenant).select().from(people).where(eq(people.userId, userId)).limit(1);
  return found ?? makePerson(tenant, { ...fields, userId });
}

/** An open post: by default owned by `ownerOrgId`, running from a month ago to two months ahead. */
export async function makePost(tenant: string, owner: { ownerOrgId?: string | null; ownerAllianceId?: string | null }, fields: Partial<Post> = {}): Promise<Post> {
  const row = postRow(owner, fields);
  await tenantDb(tenant).insert(posts).values(row);
  return row;
}

function postRow(owner: { ownerOrgId?: string | null; ownerAllianceId?: string | null }, fields: Partial<Post> = {}): Post {
  const now = Date.now() + ++seq;
  return {
    id: newId('pst', now),
    ownerOrgId: owner.ownerOrgId ?? null,
    ownerAllianceId: owner.ownerAllianceId ?? null,
    title: `社区志愿服务岗${seq}`,
    duties: '协助社区开展政策宣传和入户走访',
    places: 5,
    taken: 0,
    startsOn: dayOffset(-30),
    endsOn: dayOffset(60),
    skills: [],
    status: 'open',
    version: 1,
    createdBy: 'usr_test',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** A claim of `personId` on the post (taking its place), by default approved ten days ago. */
export async function makeClaim(tenant: string, post: Post, personId: string, fields: Partial<PostClaim> = {}): Promise<PostClaim> {
  const row = claimRow(post, personId, fields);
  const db = tenantDb(tenant);
  await db.batch([db.insert(postClaims).values(row), db.update(posts).set({ taken: post.taken + 1 }).where(eq(posts.id, post.id))]);
  post.taken += 1;
  return row;
}

function claimRow(post: Post, personId: string, fields: Partial<PostClaim> = {}): PostClaim {
  const now = Date.now() + ++seq;
  return {
    id: newId('pcm', now),
    postId: post.id,
    personId,
    groupId: null,
    status: 'approved',
    note: null,
    decisionReason: null,
    claimedBy: 'usr_test',
    claimedOn: dayOffset(-10),
    decidedBy: 'usr_test',
    decidedAt: now,
    createdAt: now,
    ...fields,
  };
}

export async function makeServiceLog(tenant: string, claim: PostClaim, fields: Partial<ServiceLog> = {}): Promise<ServiceLog> {
  const row = serviceLogRow(claim, fields);
  await tenantDb(tenant).insert(serviceLogs).values(row);
  return row;
}

function serviceLogRow(claim: PostClaim, fields: Partial<ServiceLog> = {}): ServiceLog {
  const now = Date.now() + ++seq;
  return {
    id: newId('svc', now),
    claimId: claim.id,
    postId: claim.postId,
    personId: claim.personId,
    serviceDate: dayOffset(-1),
    minutes: 120,
    description: '入户宣传垃圾分类',
    status: 'logged',
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: now,
    ...fields,
  };
}

/**
 * Who a post must belong to for `caller` to own it (the role-matrix suite signs
 * in one role at a time, each holding its grant on the fixture): an alliance
 * admin owns its alliance's posts, a reviewer or liaison its organization's,
 * the county administrator (or nobody named) the fixture's organization.
 */
export async function ownerFor(f: { tenant: string; org: { id: string }; alliance: { alliance: { id: string } } }, caller?: { id: string }) {
  if (!caller) return { ownerOrgId: f.org.id };
  const grants = await openDb(bindings.DB_CONTROL!).select().from(roleGrants).where(and(eq(roleGrants.userId, caller.id), eq(roleGrants.tenant, f.tenant)));
  if (grants.some((g) => g.role === 'county_admin')) return { ownerOrgId: f.org.id };
  if (grants.some((g) => g.role === 'alliance_admin')) return { ownerAllianceId: f.alliance.alliance.id };
  const scoped = grants.find((g) => (g.role === 'committee_reviewer' || g.role === 'org_liaison') && g.scopeOrgId);
  return { ownerOrgId: scoped?.scopeOrgId ?? f.org.id };
}

/** The 报到领岗 part of the cross-cutting fixture: an open post of the fixture's organization with a pending claim, an approved one and a logged service record on it. */
export interface PostFixture {
  post: Post;
  pending: PostClaim;
  approved: PostClaim;
  serviceLog: ServiceLog;
}

export async function makePostFixture(tenant: string, org: { id: string }): Promise<PostFixture> {
  // The rows makePost, makePerson, makeClaim and makeServiceLog write, in one batch: every cross-cutting case makes this fixture.
  const post = postRow({ ownerOrgId: org.id });
  const [first, second] = [personRow({ homeOrgId: org.id }), personRow({ homeOrgId: org.id })];
  const pending = claimRow(post, first.id, { status: 'pending', decidedBy: null, decidedAt: null });
  const approved = claimRow(post, second.id);
  const serviceLog = serviceLogRow(approved);
  // Each claim takes a place, as makeClaim's.
  post.taken += 2;
  const db = tenantDb(tenant);
  await db.batch([db.insert(posts).values(post), db.insert(people).values([first, second]), db.insert(postClaims).values([pending, approved]), db.insert(serviceLogs).values(serviceLog)]);
  return { post, pending, approved, serviceLog };
}
