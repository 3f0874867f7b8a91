import { invalid, omit, unknownKey } from './refusals.ts';
import type { Fixture, RouteCase } from './route-cases.ts';

/** Cases of the organizational-life and joint-meeting routes (see route-cases.ts for the contract). */

const T = (f: Fixture, rest: string) => `/api/t/${f.tenant}${rest}`;

const recordBody = (f: Fixture) => ({ orgId: f.org.id, kind: 'theme_day', heldOn: '2025-06-01', topic: '主题党日：走访困难党员', minutes: '支部书记带队走访', attendeeIds: [] as string[] });
const meetingBody = (f: Fixture) => ({
  allianceId: f.alliance.alliance.id,
  heldOn: '2025-06-10',
  agenda: '研究二季度共建项目',
  minutes: '会议纪要',
  attendeeOrgIds: [f.org.id],
  decisions: [{ content: '完成助老食堂选址', ownerOrgId: f.org.id, dueOn: '2099-06-30' }],
});

export const ORGLIFE_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/org-life/records': { build: (f) => ({ method: 'GET', path: T(f, `/org-life/records?orgId=${f.org.id}&year=2025`) }) },
  'POST /api/t/{tenant}/org-life/records': {
    build: (f) => ({ method: 'POST', path: T(f, '/org-life/records'), body: recordBody(f) }),
    bad: {
      unknown: [(ok) => ({ ...ok, presentCount: 3 }), unknownKey('presentCount')],
      missing: [(ok) => omit(ok, 'topic'), invalid('topic')],
      wrongEnum: [(ok) => ({ ...ok, kind: '党日' }), invalid('kind')],
      badDate: [(ok) => ({ ...ok, heldOn: '2025-02-30' }), invalid('heldOn')],
      tooLong: [(ok) => ({ ...ok, topic: '长'.repeat(101) }), invalid('topic')],
      wrongType: [(ok) => ({ ...ok, attendeeIds: '张三' }), invalid('attendeeIds')],
    },
  },
  'GET /api/t/{tenant}/org-life/records/{id}': { build: (f) => ({ method: 'GET', path: T(f, `/org-life/records/${f.orgLife.recordId}`) }) },
  'GET /api/t/{tenant}/org-life/branches/{orgId}/members': { build: (f) => ({ method: 'GET', path: T(f, `/org-life/branches/${f.org.id}/members`) }) },
  'GET /api/t/{tenant}/org-life/standards': { build: (f) => ({ method: 'GET', path: T(f, '/org-life/standards?year=2026') }) },
  'PUT /api/t/{tenant}/org-life/standards': {
    build: (f) => ({ method: 'PUT', path: T(f, '/org-life/standards'), body: { year: 2026, items: [{ kind: 'committee', period: 'month', times: 1 }] } }),
    smuggle: 'updatedBy',
    bad: {
      unknown: [(ok) => ({ ...ok, county: 'x' }), unknownKey('county')],
      missing: [(ok) => omit(ok, 'year'), invalid('year')],
      empty: [(ok) => ({ ...ok, items: [] }), invalid('items')],
      wrongEnum: [(ok) => ({ ...ok, items: [{ kind: 'committee', period: 'weekly', times: 1 }] }), invalid('items.0.period')],
      outOfRange: [(ok) => ({ ...ok, items: [{ kind: 'committee', period: 'month', times: 0 }] }), invalid('items.0.times')],
    },
  },
  'GET /api/t/{tenant}/org-life/compliance': { build: (f) => ({ method: 'GET', path: T(f, `/org-life/compliance?year=2025&underOrgId=${f.parent.id}`) }) },
  'GET /api/t/{tenant}/org-life/compliance/export': { build: (f) => ({ method: 'GET', path: T(f, `/org-life/compliance/export?year=2025&underOrgId=${f.parent.id}`) }) },
  'GET /api/t/{tenant}/meetings': { build: (f) => ({ method: 'GET', path: T(f, `/meetings?allianceId=${f.alliance.alliance.id}`) }) },
  'POST /api/t/{tenant}/meetings': {
    build: (f) => ({ method: 'POST', path: T(f, '/meetings'), body: meetingBody(f) }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'done' }), unknownKey('status')],
      missing: [(ok) => omit(ok, 'agenda'), invalid('agenda')],
      badDate: [(ok) => ({ ...ok, heldOn: '20250610' }), invalid('heldOn')],
      tooLong: [(ok) => ({ ...ok, agenda: '长'.repeat(2001) }), invalid('agenda')],
      decisionMissing: [(ok) => ({ ...ok, decisions: [{ content: '选址', dueOn: '2099-06-30' }] }), invalid('decisions.0.ownerOrgId')],
    },
  },
  'GET /api/t/{tenant}/meetings/compliance': { build: (f) => ({ method: 'GET', path: T(f, '/meetings/compliance?year=2025') }) },
  'GET /api/t/{tenant}/meetings/{id}': { build: (f) => ({ method: 'GET', path: T(f, `/meetings/${f.orgLife.meetingId}`) }) },
  'GET /api/t/{tenant}/meeting-decisions': { build: (f) => ({ method: 'GET', path: T(f, `/meeting-decisions?allianceId=${f.alliance.alliance.id}`) }) },
  'POST /api/t/{tenant}/meeting-decisions/{id}/complete': {
    build: (f) => ({ method: 'POST', path: T(f, `/meeting-decisions/${f.orgLife.decisionId}/complete`), body: { note: '已完成选址并报联合体' }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'done' }), unknownKey('status')],
      missing: [(ok) => omit(ok, 'note'), invalid('note')],
      tooShort: [(ok) => ({ ...ok, note: '好' }), invalid('note')],
    },
  },
};
