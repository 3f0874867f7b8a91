import { invalid, omit, unknownKey, type BadCase } from './refusals.ts';
import type { Fixture, RouteCase } from './route-cases.ts';

/** Cases of the project and supervision routes (see route-cases.ts for the contract). */

const LONG = '长'.repeat(101);
const P = (f: Fixture, rest = '') => `/api/t/${f.tenant}/projects/${f.project.project.id}${rest}`;
const pv = (f: Fixture) => ({ 'if-match': `"v${f.project.project.version}"` });
const reasonBad: Record<string, BadCase> = {
  unknown: [(ok) => ({ ...ok, status: 'cancelled' }), unknownKey('status')],
  tooLong: [(ok) => ({ ...ok, reason: '长'.repeat(1001) }), invalid('reason')],
  missing: [(ok) => omit(ok, 'reason'), invalid('reason')],
  tooShort: [(ok) => ({ ...ok, reason: '无' }), invalid('reason')],
};

const createBody = (f: Fixture) => ({
  allianceId: f.alliance.alliance.id,
  title: `社区助老食堂${Math.random().toString(36).slice(2, 6)}`,
  description: '为独居老人提供午餐',
  ownerOrgId: f.org.id,
  ownerName: '王书记',
  funding: [
    { source: '上级拨', amountFen: 500_000 },
    { source: '各方筹', amountFen: 123_456 },
  ],
  startOn: '2025-03-01',
  dueOn: '2099-12-31',
  milestones: [
    { title: '摸排服务对象', weight: 40, dueOn: '2099-06-30' },
    { title: '开展助餐服务', weight: 60 },
  ],
  needs: [{ needId: f.need.id, quantity: 3 }],
});

/** The five workflow steps: the state the fixture's project starts in, a body that passes, bodies with one defect each. */
const STEPS: Array<[string, 'claimed' | 'in_progress' | 'completed', Record<string, unknown>, Record<string, BadCase>]> = [
  [
    'start',
    'claimed',
    {},
    {
      unknown: [(ok) => ({ ...ok, startedOn: '2025-03-01' }), unknownKey('startedOn')],
      badDate: [(ok) => ({ ...ok, onDate: 'yesterday' }), invalid('onDate')],
      wrongType: [(ok) => ({ ...ok, onDate: 20250301 }), invalid('onDate')],
    },
  ],
  [
    'complete',
    'in_progress',
    { beneficiaries: 36, deliveredQty: 2, outcomeNote: '助餐服务按期完成，老人满意' },
    {
      missing: [(ok) => omit(ok, 'outcomeNote'), invalid('outcomeNote')],
      outOfRange: [(ok) => ({ ...ok, beneficiaries: -1 }), invalid('beneficiaries')],
      wrongType: [(ok) => ({ ...ok, beneficiaries: '三十六' }), invalid('beneficiaries')],
      unknown: [(ok) => ({ ...ok, status: 'accepted' }), unknownKey('status')],
      tooLong: [(ok) => ({ ...ok, outcomeNote: '长'.repeat(5001) }), invalid('outcomeNote')],
    },
  ],
  [
    'accept',
    'completed',
    { note: '验收合格，资料齐全' },
    {
      missing: [(ok) => omit(ok, 'note'), invalid('note')],
      tooLong: [(ok) => ({ ...ok, note: '长'.repeat(2001) }), invalid('note')],
      badDate: [(ok) => ({ ...ok, onDate: '2025-02-30' }), invalid('onDate')],
      unknown: [(ok) => ({ ...ok, grade: '优秀' }), unknownKey('grade')],
    },
  ],
  ['return', 'completed', { reason: '服务记录不全，退回补充' }, reasonBad],
  ['cancel', 'in_progress', { reason: '需求方已另行解决' }, reasonBad],
];

export const PROJECT_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/projects': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/projects?allianceId=${f.alliance.alliance.id}` }) },
  'GET /api/t/{tenant}/projects/board': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/projects/board?allianceId=${f.alliance.alliance.id}` }) },
  'GET /api/t/{tenant}/projects/export': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/projects/export?allianceId=${f.alliance.alliance.id}` }) },
  'POST /api/t/{tenant}/projects': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/projects`, body: createBody(f) }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'accepted' }), unknownKey('status')],
      missing: [(ok) => omit(ok, 'allianceId'), invalid('allianceId')],
      wrongEnum: [(ok) => ({ ...ok, funding: [{ ...ok.funding[0], source: '社会捐赠' }, ok.funding[1]] }), invalid('funding.0.source')],
      tooLong: [(ok) => ({ ...ok, title: LONG }), invalid('title')],
      badDate: [(ok) => ({ ...ok, dueOn: '2099-02-30' }), invalid('dueOn')],
      reversedDates: [(ok) => ({ ...ok, startOn: '2100-01-01' }), invalid('dueOn')],
      outOfRange: [(ok) => ({ ...ok, needs: [{ ...ok.needs[0], quantity: 0 }] }), invalid('needs.0.quantity')],
      negativeMoney: [(ok) => ({ ...ok, funding: [{ ...ok.funding[0], amountFen: -1 }, ok.funding[1]] }), invalid('funding.0.amountFen')],
    },
  },
  'GET /api/t/{tenant}/projects/{id}': { build: (f) => ({ method: 'GET', path: P(f) }) },
  'PATCH /api/t/{tenant}/projects/{id}': {
    build: (f) => ({ method: 'PATCH', path: P(f), body: { ownerName: '李书记', funding: [{ source: '党费补', amountFen: 80_000 }] }, headers: pv(f) }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'accepted' }), unknownKey('status')],
      empty: [() => ({}), invalid('')],
      wrongType: [(ok) => ({ ...ok, funding: '很多' }), invalid('funding')],
      tooLong: [(ok) => ({ ...ok, title: LONG }), invalid('title')],
      badDate: [(ok) => ({ ...ok, dueOn: '2099-13-01' }), invalid('dueOn')],
    },
  },
  'PUT /api/t/{tenant}/projects/{id}/milestones': {
    build: (f) => ({
      method: 'PUT',
      path: P(f, '/milestones'),
      body: { milestones: [{ id: f.project.milestoneIds[0], title: '摸排服务对象', weight: 30 }, { title: '总结评估', weight: 70, dueOn: '2099-12-01' }] },
      headers: pv(f),
    }),
    bad: {
      missing: [(ok) => omit(ok, 'milestones'), invalid('milestones')],
      unknown: [(ok) => ({ ...ok, plan: '新计划' }), unknownKey('plan')],
      outOfRange: [(ok) => ({ milestones: [{ ...ok.milestones[0], weight: 0 }, { ...ok.milestones[1], weight: 100 }] }), invalid('milestones.0.weight')],
      wrongType: [() => ({ milestones: '两个节点' }), invalid('milestones')],
      tooMany: [() => ({ milestones: Array.from({ length: 31 }, (_, i) => ({ title: `节点${i}`, weight: 1 })) }), invalid('milestones')],
    },
  },
  'PATCH /api/t/{tenant}/projects/{id}/milestones/{milestoneId}': {
    build: (f) => ({ method: 'PATCH', path: P(f, `/milestones/${f.project.milestoneIds[1]}`), body: { progressPct: 80, note: '已服务 8 人次' }, headers: pv(f) }),
    bad: {
      missing: [(ok) => omit(ok, 'progressPct'), invalid('progressPct')],
      outOfRange: [(ok) => ({ ...ok, progressPct: 101 }), invalid('progressPct')],
      wrongType: [(ok) => ({ ...ok, progressPct: '八十' }), invalid('progressPct')],
      unknown: [(ok) => ({ ...ok, doneOn: '2025-01-01' }), unknownKey('doneOn')],
    },
  },
  'POST /api/t/{tenant}/projects/{id}/claims': {
    // Proposed: the lead organization (the scoped roles' organization) has no claim yet.
    project: 'proposed',
    build: (f) => ({ method: 'POST', path: P(f, '/claims'), body: { orgId: f.org.id, note: '承担助餐服务的组织实施' } }),
    bad: {
      missing: [(ok) => omit(ok, 'orgId'), invalid('orgId')],
      unknown: [(ok) => ({ ...ok, status: 'confirmed' }), unknownKey('status')],
      tooLong: [(ok) => ({ ...ok, note: '长'.repeat(1001) }), invalid('note')],
      tooShort: [(ok) => ({ ...ok, note: '好' }), invalid('note')],
    },
  },
  'POST /api/t/{tenant}/projects/{id}/claims/{claimId}/decide': {
    project: 'proposed',
    build: (f) => ({ method: 'POST', path: P(f, `/claims/${f.project.pendingClaimId}/decide`), body: { decision: 'confirm', note: '同意共同承担' }, headers: pv(f) }),
    bad: {
      wrongEnum: [(ok) => ({ ...ok, decision: 'approve' }), invalid('decision')],
      missing: [(ok) => omit(ok, 'decision'), invalid('decision')],
      unknown: [(ok) => ({ ...ok, status: 'confirmed' }), unknownKey('status')],
      tooLong: [(ok) => ({ ...ok, note: '长'.repeat(1001) }), invalid('note')],
    },
  },
  'POST /api/t/{tenant}/projects/{id}/claims/{claimId}/withdraw': {
    // Claimed, not yet started: the lead organization may still withdraw its confirmed claim.
    project: 'claimed',
    build: (f) => ({ method: 'POST', path: P(f, `/claims/${f.project.claimId}/withdraw`), headers: pv(f) }),
  },
  'POST /api/t/{tenant}/projects/{id}/notes': {
    build: (f) => ({ method: 'POST', path: P(f, '/notes'), body: { kind: 'supervise', body: '请于本周内报送服务台账' } }),
    bad: {
      // Escalations are written by the daily job, never posted.
      wrongEnum: [(ok) => ({ ...ok, kind: 'escalation' }), invalid('kind')],
      missing: [(ok) => omit(ok, 'body'), invalid('body')],
      tooLong: [(ok) => ({ ...ok, body: '长'.repeat(2001) }), invalid('body')],
      unknown: [(ok, f) => ({ ...ok, notified: [f.org.id] }), unknownKey('notified')],
    },
  },
  ...Object.fromEntries(
    STEPS.map(([action, from, body, bad]): [string, RouteCase] => [
      `POST /api/t/{tenant}/projects/{id}/${action}`,
      { project: from, build: (f) => ({ method: 'POST', path: P(f, `/${action}`), body, headers: pv(f) }), bad },
    ]),
  ),
  'GET /api/t/{tenant}/supervision/warnings': {
    build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/supervision/warnings?allianceId=${f.alliance.alliance.id}` }),
  },
  'POST /api/t/{tenant}/supervision/run': { build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/supervision/run` }) },
};
