import type { RouteCase } from './route-cases.ts';
import { invalid, omit, unknownKey } from './refusals.ts';
import { makePointsPerson, ruleVersion } from './points-factories.ts';

const P = (f: { tenant: string }, rest: string) => `/api/t/${f.tenant}/points${rest}`;

/**
 * 积分 (issue 11). The fixture holds a member of `org` with one 政治学习
 * entry: awards name that member (a liaison of `org` covers it; 政治学习 may
 * be awarded by hand by the county or the liaison), compensation reverses
 * that entry. A rule change keeps 政治学习's award roles so later cases still
 * hold. 我的积分 needs the caller to be a person of the county.
 */
export const POINTS_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/points/rules': { build: (f) => ({ method: 'GET', path: P(f, '/rules') }) },
  'GET /api/t/{tenant}/points/rules/{code}/history': { build: (f) => ({ method: 'GET', path: P(f, '/rules/study/history') }) },
  'PUT /api/t/{tenant}/points/rules/{code}': {
    build: async (f) => ({
      method: 'PUT',
      path: P(f, '/rules/study'),
      body: { name: '政治学习（学习强国、专题学习）', pointsPerUnit: 1, capPeriod: 'month', capPoints: 6, awardRoles: ['county_admin', 'org_liaison'], reasonRequired: true, enabled: true },
      headers: { 'if-match': `"v${await ruleVersion(f.tenant, 'study')}"` },
    }),
    smuggle: 'version',
    bad: {
      missingName: [(ok) => omit(ok, 'name'), invalid('name')],
      negative: [(ok) => ({ ...ok, pointsPerUnit: -1 }), invalid('pointsPerUnit')],
      wrongPeriod: [(ok) => ({ ...ok, capPeriod: 'week' }), invalid('capPeriod')],
      capWithoutPeriod: [(ok) => ({ ...ok, capPeriod: null }), invalid('capPoints')],
      badRole: [(ok) => ({ ...ok, awardRoles: ['member'] }), invalid('awardRoles.0')],
      unknown: [(ok) => ({ ...ok, code: 'other' }), unknownKey('code')],
    },
  },
  'GET /api/t/{tenant}/points/entries': { build: (f) => ({ method: 'GET', path: P(f, '/entries?limit=5&ruleCode=study') }) },
  'POST /api/t/{tenant}/points/entries': {
    build: (f) => ({ method: 'POST', path: P(f, '/entries'), body: { personId: f.pointEntry.personId, ruleCode: 'study', units: 2, reason: '参加学习强国专题学习' } }),
    bad: {
      noPerson: [(ok) => omit(ok, 'personId'), invalid('personId')],
      unknownPerson: [(ok) => ({ ...ok, personId: 'psn_00000000000000000000000000' }), invalid('personId')],
      unknownRule: [(ok) => ({ ...ok, ruleCode: 'no_such_rule' }), invalid('ruleCode')],
      zeroUnits: [(ok) => ({ ...ok, units: 0 }), invalid('units')],
      fractional: [(ok) => ({ ...ok, units: 1.5 }), invalid('units')],
      noReason: [(ok) => omit(ok, 'reason'), invalid('reason')],
      future: [(ok) => ({ ...ok, occurredOn: '2099-01-01' }), invalid('occurredOn')],
      badDate: [(ok) => ({ ...ok, occurredOn: '2026/01/01' }), invalid('occurredOn')],
      unknown: [(ok) => ({ ...ok, points: 100 }), unknownKey('points')],
    },
  },
  'POST /api/t/{tenant}/points/entries/{id}/compensate': {
    build: (f) => ({ method: 'POST', path: P(f, `/entries/${f.pointEntry.id}/compensate`), body: { reason: '重复登记，予以冲正' } }),
    bad: {
      empty: [() => ({}), invalid('reason')],
      short: [() => ({ reason: '错' }), invalid('reason')],
      unknown: [(ok) => ({ ...ok, points: -2 }), unknownKey('points')],
    },
  },
  'GET /api/t/{tenant}/points/leaderboard': { build: (f) => ({ method: 'GET', path: P(f, `/leaderboard?by=branch&year=${new Date().getUTCFullYear()}`) }) },
  'GET /api/t/{tenant}/my/points': {
    build: async (f, caller) => {
      if (caller) await makePointsPerson(f.tenant, { homeOrgId: f.org.id, userId: caller.id });
      return { method: 'GET', path: `/api/t/${f.tenant}/my/points` };
    },
  },
};
