import type { Fixture, RouteCase } from './route-cases.ts';
import { invalid, omit, unknownKey } from './refusals.ts';
import { makeRatingLink } from './assessment-factories.ts';
import { linkPerson, makePerson } from './people-factories.ts';

const P = (f: { tenant: string }, rest: string) => `/api/t/${f.tenant}${rest}`;

/**
 * 四评 (issue 12, lane raters). The fixture holds an open assessment of its
 * first alliance (approved by `parent`, the reviewer's committee) and one
 * unused resident link. Ratings are one per rater: the committee's case answers as the
 * caller (a new account per suite run); a member's case links a new person of
 * `org` (the alliance's lead, so a member organization) to the caller.
 */
/** The fixture's open assessment (the audited object of the link routes). */
export const lastAssessmentOf = (f: Fixture): string => f.ratingAssessment.id;
const assessmentOf = async (f: Fixture): Promise<string> => f.ratingAssessment.id;

export const RATING_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/assessments/{id}/ratings': { build: async (f) => ({ method: 'GET', path: P(f, `/assessments/${await assessmentOf(f)}/ratings`) }) },
  'POST /api/t/{tenant}/assessments/{id}/ratings': {
    build: async (f) => ({ method: 'POST', path: P(f, `/assessments/${await assessmentOf(f)}/ratings`), body: { group: 'committee', score: 88, level: 'good', comment: '牵头有力，成效明显' } }),
    bad: {
      tooHigh: [(ok) => ({ ...ok, score: 101 }), invalid('score')],
      fractional: [(ok) => ({ ...ok, score: 88.5 }), invalid('score')],
      wrongLevel: [(ok) => ({ ...ok, level: 'satisfied' }), invalid('level')],
      wrongGroup: [(ok) => ({ ...ok, group: 'resident' }), invalid('group')],
      missing: [(ok) => omit(ok, 'score'), invalid('score')],
      noDepartment: [(ok) => ({ ...ok, group: 'department' }), invalid('department')],
      unknown: [(ok) => ({ ...ok, raterKey: 'x' }), unknownKey('raterKey')],
    },
  },
  'GET /api/t/{tenant}/assessments/{id}/rating-links': { build: async (f) => ({ method: 'GET', path: P(f, `/assessments/${await assessmentOf(f)}/rating-links`) }) },
  'POST /api/t/{tenant}/assessments/{id}/rating-links': {
    build: async (f) => ({ method: 'POST', path: P(f, `/assessments/${await assessmentOf(f)}/rating-links`), body: { count: 3, label: '社区居民' } }),
    bad: {
      zero: [(ok) => ({ ...ok, count: 0 }), invalid('count')],
      tooMany: [(ok) => ({ ...ok, count: 501 }), invalid('count')],
      missing: [(ok) => omit(ok, 'count'), invalid('count')],
      longDays: [(ok) => ({ ...ok, expiresInDays: 181 }), invalid('expiresInDays')],
      unknown: [(ok) => ({ ...ok, tokens: [] }), unknownKey('tokens')],
    },
  },
  'POST /api/t/{tenant}/assessments/{id}/rating-links/revoke': {
    build: async (f) => {
      return { method: 'POST', path: P(f, `/assessments/${await assessmentOf(f)}/rating-links/revoke`), body: { linkIds: [f.ratingLink.id] } };
    },
    bad: {
      empty: [(ok) => ({ ...ok, linkIds: [] }), invalid('linkIds')],
      wrongType: [(ok) => ({ ...ok, linkIds: 'all' }), invalid('linkIds')],
      unknown: [(ok) => ({ ...ok, all: true }), unknownKey('all')],
    },
  },
  'GET /api/t/{tenant}/member-org-ratings': { build: (f) => ({ method: 'GET', path: P(f, '/member-org-ratings') }) },
  'GET /api/t/{tenant}/my/ratings': {
    build: async (f, caller) => {
      if (caller) await linkPerson(f.tenant, (await makePerson(f.tenant, { homeOrgId: f.org.id })).id, caller.id);
      return { method: 'GET', path: P(f, '/my/ratings') };
    },
  },
  'POST /api/t/{tenant}/my/ratings/{assessmentId}': {
    build: async (f, caller) => {
      if (caller) await linkPerson(f.tenant, (await makePerson(f.tenant, { homeOrgId: f.org.id })).id, caller.id);
      return { method: 'POST', path: P(f, `/my/ratings/${await assessmentOf(f)}`), body: { score: 92, level: 'excellent', comment: '服务群众很用心' } };
    },
    bad: {
      tooLow: [(ok) => ({ ...ok, score: -1 }), invalid('score')],
      wrongLevel: [(ok) => ({ ...ok, level: '优秀' }), invalid('level')],
      longComment: [(ok) => ({ ...ok, comment: '长'.repeat(501) }), invalid('comment')],
      unknown: [(ok) => ({ ...ok, group: 'member' }), unknownKey('group')],
    },
  },
  // 群众评判: no login; the token names the county (a fresh link each time: one answer each).
  'GET /api/public/ratings/{token}': {
    build: async (f) => ({ method: 'GET', path: `/api/public/ratings/${(await makeRatingLink(f.tenant, await assessmentOf(f))).token}` }),
  },
  'POST /api/public/ratings/{token}': {
    build: async (f) => ({ method: 'POST', path: `/api/public/ratings/${(await makeRatingLink(f.tenant, await assessmentOf(f))).token}`, body: { score: 90, level: 'satisfied', comment: '为民办实事' } }),
    bad: {
      wrongLevel: [(ok) => ({ ...ok, level: 'excellent' }), invalid('level')],
      missing: [(ok) => omit(ok, 'level'), invalid('level')],
      tooHigh: [(ok) => ({ ...ok, score: 120 }), invalid('score')],
      unknown: [(ok) => ({ ...ok, name: '张三' }), unknownKey('name')],
    },
  },
};
