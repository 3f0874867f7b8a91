import type { HonourLevel } from '@ronghe/schema';
import type { RouteCase } from './route-cases.ts';
import { invalid, omit, unknownKey, type BadCase } from './refusals.ts';
import { PASSING_TALLIES, THIS_YEAR } from './honours-factories.ts';

const H = (f: { tenant: string }, rest: string) => `/api/t/${f.tenant}/honours${rest}`;

/** The object the last build aimed at, for the audit suite's `entity`. */
export const lastBuiltHonour = { id: '' };
const aim = (id: string) => {
  lastBuiltHonour.id = id;
  return id;
};

const reasonBad: Record<string, BadCase> = {
  missing: [() => ({}), invalid('reason')],
  short: [() => ({ reason: '否' }), invalid('reason')],
  unknown: [(ok) => ({ ...ok, status: 'revoked' }), unknownKey('status')],
};

const designate = (level: HonourLevel): RouteCase => ({
  // The fixture's branch is accepted for this year with tallies that pass every rule.
  build: (f) => ({ method: 'POST', path: H(f, `/${level}/designations`), body: { orgId: f.org.id, year: THIS_YEAR, reason: '政治功能强、队伍建设强、组织生活强、作用发挥强、群众工作强' } }),
  bad: {
    noOrg: [(ok) => omit(ok, 'orgId'), invalid('orgId')],
    unknownOrg: [(ok) => ({ ...ok, orgId: 'org_00000000000000000000000000' }), invalid('orgId')],
    badYear: [(ok) => ({ ...ok, year: 1999 }), invalid('year')],
    noReason: [(ok) => omit(ok, 'reason'), invalid('reason')],
    unknown: [(ok) => ({ ...ok, level: 'city' }), unknownKey('level')],
  },
});
const revokeDesignation = (level: HonourLevel): RouteCase => ({
  build: (f) => ({ method: 'POST', path: H(f, `/${level}/designations/${aim(f.honours.designations[level])}/revoke`), body: { reason: '该支部不再符合建设标准' } }),
  bad: reasonBad,
});
const createDemoSite = (level: HonourLevel): RouteCase => ({
  build: (f) => ({
    method: 'POST',
    path: H(f, `/${level}/demo-sites`),
    body: { subjectType: 'alliance', subjectId: f.alliance.alliance.id, year: THIS_YEAR, reason: '联建共建成效明显，群众满意度高', evidence: '年度考核优秀；三张清单项目按期完成率 100%' },
  }),
  bad: {
    badType: [(ok) => ({ ...ok, subjectType: 'person' }), invalid('subjectType')],
    unknownSubject: [(ok) => ({ ...ok, subjectId: 'aln_00000000000000000000000000' }), invalid('subjectId')],
    noEvidence: [(ok) => omit(ok, 'evidence'), invalid('evidence')],
    badYear: [(ok) => ({ ...ok, year: 2101 }), invalid('year')],
    unknown: [(ok) => ({ ...ok, status: 'in_force' }), unknownKey('status')],
  },
});
const revokeDemoSite = (level: HonourLevel): RouteCase => ({
  build: (f) => ({ method: 'POST', path: H(f, `/${level}/demo-sites/${aim(f.honours.demoSites[level])}/revoke`), body: { reason: '示范作用发挥不明显' } }),
  bad: reasonBad,
});

/** Honours (issue 12, seed 004): the branch `org` under the street committee `parent` and its years (f.honours, honours-factories.ts); the first alliance as a 示范点. */
export const HONOURS_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/honours/standardizations': { build: (f) => ({ method: 'GET', path: H(f, `/standardizations?year=${THIS_YEAR}`) }) },
  'POST /api/t/{tenant}/honours/standardizations': {
    build: (f) => ({ method: 'POST', path: H(f, '/standardizations'), body: { orgId: f.org.id, year: THIS_YEAR + 2, selfAssessment: '对照五个基本逐项自评，均已达到标准化规范化要求。' } }),
    bad: {
      noOrg: [(ok) => omit(ok, 'orgId'), invalid('orgId')],
      unknownOrg: [(ok) => ({ ...ok, orgId: 'org_00000000000000000000000000' }), invalid('orgId')],
      shortSelf: [(ok) => ({ ...ok, selfAssessment: '已达标' }), invalid('selfAssessment')],
      badYear: [(ok) => ({ ...ok, year: '今年' }), invalid('year')],
      unknown: [(ok) => ({ ...ok, status: 'accepted' }), unknownKey('status')],
    },
  },
  'GET /api/t/{tenant}/honours/standardizations/{id}': { build: (f) => ({ method: 'GET', path: H(f, `/standardizations/${aim(f.honours.applied)}`) }) },
  'POST /api/t/{tenant}/honours/standardizations/{id}/evaluate': {
    build: (f) => ({ method: 'POST', path: H(f, `/standardizations/${aim(f.honours.applied)}/evaluate`), body: { ...PASSING_TALLIES, note: '四评结果良好' } }),
    bad: {
      score: [(ok) => ({ ...ok, orgScore: 101 }), invalid('orgScore')],
      grade: [(ok) => ({ ...ok, annualReviewGrade: '优' }), invalid('annualReviewGrade')],
      sum: [(ok) => ({ ...ok, membersExcellent: 19 }), invalid('membersEvaluating')],
      verified: [(ok) => ({ ...ok, residentsDissatisfiedVerified: 2 }), invalid('residentsDissatisfiedVerified')],
      negative: [(ok) => ({ ...ok, membersGood: 3, membersPoor: -1 }), invalid('membersPoor')],
      objections: [(ok) => ({ ...ok, departmentsConsulted: 0, departmentObjections: [{ department: '民政局', text: '台账不全' }] }), invalid('departmentObjections')],
      unknown: [(ok) => ({ ...ok, status: 'accepted' }), unknownKey('status')],
    },
  },
  'POST /api/t/{tenant}/honours/standardizations/{id}/accept': {
    build: (f) => ({ method: 'POST', path: H(f, `/standardizations/${aim(f.honours.evaluated)}/accept`), body: { note: '验收合格' } }),
    bad: { unknown: [(ok) => ({ ...ok, status: 'accepted' }), unknownKey('status')], tooLong: [(ok) => ({ ...ok, note: '长'.repeat(2001) }), invalid('note')] },
  },
  'POST /api/t/{tenant}/honours/standardizations/{id}/return': {
    build: (f) => ({ method: 'POST', path: H(f, `/standardizations/${aim(f.honours.evaluated)}/return`), body: { reason: '组织生活记录不全，请补齐后重新申请' } }),
    bad: reasonBad,
  },
  'GET /api/t/{tenant}/honours/strongest/eligibility': { build: (f) => ({ method: 'GET', path: H(f, `/strongest/eligibility?orgId=${f.org.id}&year=${THIS_YEAR}`) }) },
  'GET /api/t/{tenant}/honours/designations': { build: (f) => ({ method: 'GET', path: H(f, `/designations?year=${THIS_YEAR}`) }) },
  'GET /api/t/{tenant}/honours/demo-sites': { build: (f) => ({ method: 'GET', path: H(f, `/demo-sites?year=${THIS_YEAR}`) }) },
  'GET /api/t/{tenant}/honours/party-honours-eligibility': { build: (f) => ({ method: 'GET', path: H(f, `/party-honours-eligibility?year=${THIS_YEAR}`) }) },
  'POST /api/t/{tenant}/honours/county/designations': designate('county'),
  'POST /api/t/{tenant}/honours/city/designations': designate('city'),
  'POST /api/t/{tenant}/honours/county/designations/{id}/revoke': revokeDesignation('county'),
  'POST /api/t/{tenant}/honours/city/designations/{id}/revoke': revokeDesignation('city'),
  'POST /api/t/{tenant}/honours/county/demo-sites': createDemoSite('county'),
  'POST /api/t/{tenant}/honours/city/demo-sites': createDemoSite('city'),
  'POST /api/t/{tenant}/honours/county/demo-sites/{id}/revoke': revokeDemoSite('county'),
  'POST /api/t/{tenant}/honours/city/demo-sites/{id}/revoke': revokeDemoSite('city'),
};
