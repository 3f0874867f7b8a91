import type { RouteCase } from './route-cases.ts';
import { invalid, unknownKey } from './refusals.ts';
import type { Fixture } from './route-cases.ts';
import { dayOffset, makeClaim, makePerson, makePost, makeServiceLog, ownerFor, personForUser } from './post-factories.ts';

/** The post (and its claims) the caller owns: the fixture's own when the caller may act on its organization, else a new one of the caller's. */
async function ownedPost(f: Fixture, caller?: { id: string }) {
  const owner = await ownerFor(f, caller);
  if (owner.ownerOrgId === f.org.id) return { post: f.posts.post, pending: f.posts.pending, serviceLog: f.posts.serviceLog };
  const post = await makePost(f.tenant, owner);
  const pending = await makeClaim(f.tenant, post, (await makePerson(f.tenant)).id, { status: 'pending', decidedBy: null, decidedAt: null });
  const serviceLog = await makeServiceLog(f.tenant, await makeClaim(f.tenant, post, (await makePerson(f.tenant)).id));
  return { post, pending, serviceLog };
}

/**
 * 报到领岗. Owner-side routes aim at a post the caller owns (ownerFor reads the
 * caller's grant); without a caller (isolation, bad input) at a post of the
 * fixture's organization. Member routes (/my) make the caller a person of the
 * registry; without a caller they name the fixture county's post or claim.
 */
const base = (f: { tenant: string }) => `/api/t/${f.tenant}`;

export const POST_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/posts': { build: (f) => ({ method: 'GET', path: `${base(f)}/posts?open=1` }) },
  'POST /api/t/{tenant}/posts': {
    build: async (f, caller) => ({
      method: 'POST',
      path: `${base(f)}/posts`,
      body: { ...(await ownerFor(f, caller)), title: '垃圾分类宣传岗', duties: '每周六上午在小区门口宣传垃圾分类', places: 4, startsOn: dayOffset(0), endsOn: dayOffset(90), skills: ['宣讲'] },
    }),
    bad: {
      noPlaces: [(ok) => ({ ...ok, places: 0 }), invalid('places')],
      badDate: [(ok) => ({ ...ok, endsOn: '2026-02-30' }), invalid('endsOn')],
      endsBeforeStart: [(ok) => ({ ...ok, startsOn: dayOffset(10), endsOn: dayOffset(5) }), invalid('endsOn')],
      twoOwners: [(ok, f) => ({ ...ok, ownerOrgId: f.org.id, ownerAllianceId: f.alliance.alliance.id }), invalid('ownerOrgId')],
      unknown: [(ok) => ({ ...ok, taken: 3 }), unknownKey('taken')],
    },
  },
  'GET /api/t/{tenant}/posts/{id}': { build: (f) => ({ method: 'GET', path: `${base(f)}/posts/${f.posts.post.id}` }) },
  'PATCH /api/t/{tenant}/posts/{id}': {
    build: async (f, caller) => ({ method: 'PATCH', path: `${base(f)}/posts/${(await ownedPost(f, caller)).post.id}`, body: { places: 8, status: 'closed' } }),
    bad: {
      badStatus: [(ok) => ({ ...ok, status: 'deleted' }), invalid('status')],
      unknown: [(ok) => ({ ...ok, taken: 1 }), unknownKey('taken')],
    },
    smuggle: 'ownerOrgId',
  },
  'GET /api/t/{tenant}/posts/{id}/claims': {
    build: async (f, caller) => ({ method: 'GET', path: `${base(f)}/posts/${(await ownedPost(f, caller)).post.id}/claims` }),
  },
  'POST /api/t/{tenant}/posts/{id}/claims/{claimId}/decide': {
    build: async (f, caller) => {
      const { post, pending } = await ownedPost(f, caller);
      return { method: 'POST', path: `${base(f)}/posts/${post.id}/claims/${pending.id}/decide`, body: { decision: 'approve' } };
    },
    bad: {
      badDecision: [(ok) => ({ ...ok, decision: 'maybe' }), invalid('decision')],
      unknown: [(ok) => ({ ...ok, status: 'approved' }), unknownKey('status')],
    },
  },
  'POST /api/t/{tenant}/posts/{id}/service-logs/{logId}/decide': {
    build: async (f, caller) => {
      const { post, serviceLog } = await ownedPost(f, caller);
      return { method: 'POST', path: `${base(f)}/posts/${post.id}/service-logs/${serviceLog.id}/decide`, body: { decision: 'confirm' } };
    },
    bad: {
      badDecision: [(ok) => ({ ...ok, decision: 'approve' }), invalid('decision')],
      unknown: [(ok) => ({ ...ok, minutes: 600 }), unknownKey('minutes')],
    },
  },
  'GET /api/t/{tenant}/my/posts': {
    build: async (f, caller) => {
      if (caller) await personForUser(f.tenant, caller.id);
      return { method: 'GET', path: `${base(f)}/my/posts` };
    },
  },
  'POST /api/t/{tenant}/my/posts/{postId}/claims': {
    build: async (f, caller) => {
      if (caller) await personForUser(f.tenant, caller.id);
      return { method: 'POST', path: `${base(f)}/my/posts/${f.posts.post.id}/claims`, body: { note: '周末有空' } };
    },
    bad: {
      teamNotList: [(ok) => ({ ...ok, teamIds: 'psn_x' }), invalid('teamIds')],
      unknown: [(ok) => ({ ...ok, status: 'approved' }), unknownKey('status')],
    },
    smuggle: 'personId',
  },
  'POST /api/t/{tenant}/my/claims/{id}/service': {
    build: async (f, caller) => {
      // The caller's own approved claim on a post of its own (callers may share one fixture, and a post has few places);
      // without a caller, the fixture's approved claim (someone else's).
      const claim = caller
        ? await makeClaim(f.tenant, await makePost(f.tenant, { ownerOrgId: f.org.id }), (await personForUser(f.tenant, caller.id)).id)
        : f.posts.approved;
      return { method: 'POST', path: `${base(f)}/my/claims/${claim.id}/service`, body: { serviceDate: dayOffset(0), minutes: 90, description: '入户走访独居老人' } };
    },
    bad: {
      zeroMinutes: [(ok) => ({ ...ok, minutes: 0 }), invalid('minutes')],
      overADay: [(ok) => ({ ...ok, minutes: 1441 }), invalid('minutes')],
      badDate: [(ok) => ({ ...ok, serviceDate: '2026-13-01' }), invalid('serviceDate')],
      noDescription: [(ok) => ({ ...ok, description: '' }), invalid('description')],
      unknown: [(ok) => ({ ...ok, status: 'confirmed' }), unknownKey('status')],
    },
  },
};
