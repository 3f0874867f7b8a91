import { makeOrg } from './factories.ts';
import { makeMemberReport, makePairingPerson } from './pairing-factories.ts';
import { invalid, omit, unknownKey } from './refusals.ts';
import type { RouteCase } from './route-cases.ts';

/**
 * 双报到 routes (issue 11, lane pairing). A pairing's reporting organization is
 * the fixture's `org` (an organ: the cases set its domain to 机关) and its
 * community a new one under the fixture's `parent`; reports and records are
 * about the fixture's `org` as the community (its default domain is 社区). So
 * the reviewer (grant on `parent`, subtree) and the liaison (grant on `org`,
 * own_org) each hold the route's scope on the target.
 *
 * Objects are made only for a caller (role matrix, audit): without one (isolation,
 * bad input) a case must write nothing, so it names the fixture's organizations
 * and ids derived from them that exist nowhere — a bad body is refused by its
 * shape before any lookup, and another county's path by the tenant.
 */
const ghost = (prefix: string, f: { org: { id: string } }) => `${prefix}_${f.org.id.slice(4)}`;
const ORGAN = { domain: '机关' as const };
const P = (tenant: string, rest = '') => `/api/t/${tenant}${rest}`;

/** The report each `end` request last aimed at, by the fixture's organization: the audit suite names it as the changed object. */
export const lastEndedReport = new Map<string, string>();

export const PAIRING_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/pairings': { target: ORGAN, build: (f) => ({ method: 'GET', path: P(f.tenant, `/pairings?orgId=${f.org.id}&limit=5`) }) },
  'POST /api/t/{tenant}/pairings': {
    target: ORGAN,
    build: async (f, caller) => {
      const community = caller ? await makeOrg(f.tenant, { parent: f.parent }) : f.parent;
      return {
        method: 'POST',
        path: P(f.tenant, '/pairings'),
        body: { orgId: f.org.id, communityOrgId: community.id, pairedOn: '2025-03-01', agreement: '每季度到社区开展一次志愿服务', contactName: '王联系', contactPhone: '13947605678' },
      };
    },
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'active' }), unknownKey('status')],
      missing: [(ok) => omit(ok, 'communityOrgId'), invalid('communityOrgId')],
      badDate: [(ok) => ({ ...ok, pairedOn: '2025-02-30' }), invalid('pairedOn')],
      badPhone: [(ok) => ({ ...ok, contactPhone: '12345' }), invalid('contactPhone')],
      tooLong: [(ok) => ({ ...ok, agreement: '长'.repeat(5001) }), invalid('agreement')],
    },
  },
  // The fixture's own pairing (org is its community): the liaison of org and the reviewer above it both hold the scope.
  'GET /api/t/{tenant}/pairings/{id}': { build: (f) => ({ method: 'GET', path: P(f.tenant, `/pairings/${f.pairing.id}`) }) },
  'PATCH /api/t/{tenant}/pairings/{id}': {
    build: (f) => ({ method: 'PATCH', path: P(f.tenant, `/pairings/${f.pairing.id}`), body: { agreement: '每月到社区开展一次志愿服务' }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, orgId: 'org_x' }), unknownKey('orgId')],
      badDate: [(ok) => ({ ...ok, endedOn: '2025-13-01' }), invalid('endedOn')],
      wrongType: [(ok) => ({ ...ok, agreement: 5 }), invalid('agreement')],
    },
  },
  'GET /api/t/{tenant}/member-reports': { build: (f) => ({ method: 'GET', path: P(f.tenant, `/member-reports?communityOrgId=${f.org.id}`) }) },
  'POST /api/t/{tenant}/member-reports': {
    build: async (f, caller) => {
      const person = caller ? await makePairingPerson(f.tenant, { homeOrgId: f.parent.id }) : { id: ghost('psn', f) };
      return { method: 'POST', path: P(f.tenant, '/member-reports'), body: { personId: person.id, communityOrgId: f.org.id, reportedOn: '2025-02-01' } };
    },
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'active' }), unknownKey('status')],
      missing: [(ok) => omit(ok, 'personId'), invalid('personId')],
      badDate: [(ok) => ({ ...ok, reportedOn: 'yesterday' }), invalid('reportedOn')],
    },
  },
  'POST /api/t/{tenant}/member-reports/{id}/end': {
    build: async (f, caller) => {
      if (!caller) return { method: 'POST', path: P(f.tenant, `/member-reports/${ghost('mrp', f)}/end`) };
      const person = await makePairingPerson(f.tenant, { homeOrgId: f.parent.id });
      const r = await makeMemberReport(f.tenant, person.id, f.org.id);
      lastEndedReport.set(f.org.id, r.id);
      return { method: 'POST', path: P(f.tenant, `/member-reports/${r.id}/end`) };
    },
  },
  'GET /api/t/{tenant}/report-records': { build: (f) => ({ method: 'GET', path: P(f.tenant, `/report-records?communityOrgId=${f.org.id}&year=2025`) }) },
  'POST /api/t/{tenant}/report-records': {
    build: async (f, caller) => {
      const person = caller ? await makePairingPerson(f.tenant, { homeOrgId: f.parent.id }) : { id: ghost('psn', f) };
      if (caller) await makeMemberReport(f.tenant, person.id, f.org.id);
      return { method: 'POST', path: P(f.tenant, '/report-records'), body: { personId: person.id, communityOrgId: f.org.id, servedOn: '2025-06-01', content: '参加社区环境整治志愿服务', minutes: 120 } };
    },
    bad: {
      unknown: [(ok) => ({ ...ok, recordedBy: 'usr_x' }), unknownKey('recordedBy')],
      zero: [(ok) => ({ ...ok, minutes: 0 }), invalid('minutes')],
      tooMany: [(ok) => ({ ...ok, minutes: 1441 }), invalid('minutes')],
      missing: [(ok) => omit(ok, 'content'), invalid('content')],
      badDate: [(ok) => ({ ...ok, servedOn: '2025-06-31' }), invalid('servedOn')],
    },
  },
  'GET /api/t/{tenant}/pairing/compliance': { build: (f) => ({ method: 'GET', path: P(f.tenant, '/pairing/compliance?year=2025&limit=5') }) },
  'GET /api/t/{tenant}/pairing/compliance/export': { build: (f) => ({ method: 'GET', path: P(f.tenant, '/pairing/compliance/export?year=2025') }) },
  'GET /api/t/{tenant}/pairing/standards/{year}': { build: (f) => ({ method: 'GET', path: P(f.tenant, '/pairing/standards/2025') }) },
  'PUT /api/t/{tenant}/pairing/standards/{year}': {
    build: (f) => ({ method: 'PUT', path: P(f.tenant, '/pairing/standards/2031'), body: { memberMinRecords: 2, memberMinMinutes: 240, orgMinRecords: 4 } }),
    bad: {
      unknown: [(ok) => ({ ...ok, year: 2031 }), unknownKey('year')],
      negative: [(ok) => ({ ...ok, memberMinRecords: -1 }), invalid('memberMinRecords')],
      missing: [(ok) => omit(ok, 'orgMinRecords'), invalid('orgMinRecords')],
      wrongType: [(ok) => ({ ...ok, memberMinMinutes: '240' }), invalid('memberMinMinutes')],
    },
  },
  // Self-service: with a caller, the caller is made an in-service member of the county first.
  'GET /api/t/{tenant}/my/reports': {
    build: async (f, caller) => {
      if (caller) await makePairingPerson(f.tenant, { userId: caller.id, homeOrgId: f.parent.id });
      return { method: 'GET', path: P(f.tenant, '/my/reports') };
    },
  },
  'POST /api/t/{tenant}/my/reports': {
    build: async (f, caller) => {
      if (caller) await makePairingPerson(f.tenant, { userId: caller.id, homeOrgId: f.parent.id });
      return { method: 'POST', path: P(f.tenant, '/my/reports'), body: { communityOrgId: f.org.id } };
    },
    bad: {
      unknown: [(ok) => ({ ...ok, personId: 'psn_x' }), unknownKey('personId')],
      missing: [() => ({}), invalid('communityOrgId')],
      wrongType: [() => ({ communityOrgId: 7 }), invalid('communityOrgId')],
    },
  },
};
