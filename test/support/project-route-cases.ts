import type { Fixture, RouteCase } from './route-cases.ts';

/** Cases of the project and supervision routes (see route-cases.ts for the contract). */

const LONG = '长'.repeat(101);
const P = (f: Fixture, rest = '') => `/api/t/${f.tenant}/projects/${f.project.project.id}${rest}`;
const pv = (f: Fixture) => ({ 'if-match': `"v${f.project.project.version}"` });
const reasonBad = { unknown: { reason: '情况有变', status: 'cancelled' }, tooLong: { reason: '长'.repeat(1001) }, missing: {}, tooShort: { reason: '无' } };

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

/** The five workflow steps: the state the fixture's project starts in, a body that passes, bodies that must not. */
const STEPS: Array<[string, 'claimed' | 'in_progress' | 'completed', Record<string, unknown>, Record<string, unknown>]> = [
  ['start', 'claimed', {}, { unknown: { startedOn: '2025-03-01' }, badDate: { onDate: 'yesterday' }, wrongType: { onDate: 20250301 } }],
  [
    'complete',
    'in_progress',
    { beneficiaries: 36, deliveredQty: 2, outcomeNote: '助餐服务按期完成，老人满意' },
    {
      missing: { beneficiaries: 36 },
      outOfRange: { beneficiaries: -1, deliveredQty: 2, outcomeNote: '完成' },
      wrongType: { beneficiaries: '三十六', deliveredQty: 2, outcomeNote: '完成' },
      unknown: { beneficiaries: 36, deliveredQty: 2, outcomeNote: '完成', status: 'accepted' },
      tooLong: { beneficiaries: 36, deliveredQty: 2, outcomeNote: '长'.repeat(5001) },
    },
  ],
  ['accept', 'completed', { note: '验收合格，资料齐全' }, { missing: {}, tooLong: { note: '长'.repeat(2001) }, badDate: { note: '合格', onDate: '2025-02-30' }, unknown: { note: '合格', grade: '优秀' } }],
  ['return', 'completed', { reason: '服务记录不全，退回补充' }, reasonBad],
  ['cancel', 'in_progress', { reason: '需求方已另行解决' }, reasonBad],
];

export const PROJECT_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/projects': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/projects?allianceId=${f.alliance.alliance.id}` }) },
  'GET /api/t/{tenant}/projects/export': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/projects/export?allianceId=${f.alliance.alliance.id}` }) },
  'POST /api/t/{tenant}/projects': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/projects`, body: createBody(f) }),
    bad: {
      unknown: { allianceId: 'aln_x', title: '助老食堂', dueOn: '2099-12-31', status: 'accepted' },
      missing: { title: '助老食堂' },
      wrongEnum: { allianceId: 'aln_x', title: '助老食堂', dueOn: '2099-12-31', funding: [{ source: '社会捐赠', amountFen: 100 }] },
      tooLong: { allianceId: 'aln_x', title: LONG, dueOn: '2099-12-31' },
      badDate: { allianceId: 'aln_x', title: '助老食堂', dueOn: '2099-02-30' },
      reversedDates: { allianceId: 'aln_x', title: '助老食堂', startOn: '2099-12-31', dueOn: '2099-01-01' },
      outOfRange: { allianceId: 'aln_x', title: '助老食堂', dueOn: '2099-12-31', needs: [{ needId: 'ned_x', quantity: 0 }] },
      negativeMoney: { allianceId: 'aln_x', title: '助老食堂', dueOn: '2099-12-31', funding: [{ source: '上级拨', amountFen: -1 }] },
    },
  },
  'GET /api/t/{tenant}/projects/{id}': { scope: 'tenant', build: (f) => ({ method: 'GET', path: P(f) }) },
  'PATCH /api/t/{tenant}/projects/{id}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: P(f), body: { ownerName: '李书记', funding: [{ source: '党费补', amountFen: 80_000 }] }, headers: pv(f) }),
    bad: { unknown: { ownerName: '李书记', status: 'accepted' }, empty: {}, wrongType: { funding: '很多' }, tooLong: { title: LONG }, badDate: { dueOn: '2099-13-01' } },
  },
  'PUT /api/t/{tenant}/projects/{id}/milestones': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({
      method: 'PUT',
      path: P(f, '/milestones'),
      body: { milestones: [{ id: f.project.milestoneIds[0], title: '摸排服务对象', weight: 30 }, { title: '总结评估', weight: 70, dueOn: '2099-12-01' }] },
      headers: pv(f),
    }),
    bad: {
      missing: {},
      unknown: { milestones: [], plan: '新计划' },
      outOfRange: { milestones: [{ title: '节点一', weight: 0 }] },
      wrongType: { milestones: '两个节点' },
      tooMany: { milestones: Array.from({ length: 31 }, (_, i) => ({ title: `节点${i}`, weight: 1 })) },
    },
  },
  'PATCH /api/t/{tenant}/projects/{id}/milestones/{milestoneId}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: P(f, `/milestones/${f.project.milestoneIds[1]}`), body: { progressPct: 80, note: '已服务 8 人次' }, headers: pv(f) }),
    bad: { missing: {}, outOfRange: { progressPct: 101 }, wrongType: { progressPct: '八十' }, unknown: { progressPct: 50, doneOn: '2025-01-01' } },
  },
  'POST /api/t/{tenant}/projects/{id}/claims': {
    scope: 'tenant',
    // Proposed: the lead organization (the scoped roles' organization) has no claim yet.
    project: 'proposed',
    build: (f) => ({ method: 'POST', path: P(f, '/claims'), body: { orgId: f.org.id, note: '承担助餐服务的组织实施' } }),
    bad: { missing: { note: '承担' }, unknown: { orgId: 'org_x', note: '承担实施', status: 'confirmed' }, tooLong: { orgId: 'org_x', note: '长'.repeat(1001) }, tooShort: { orgId: 'org_x', note: '好' } },
  },
  'POST /api/t/{tenant}/projects/{id}/claims/{claimId}/decide': {
    scope: 'tenant',
    ifMatch: true,
    project: 'proposed',
    build: (f) => ({ method: 'POST', path: P(f, `/claims/${f.project.pendingClaimId}/decide`), body: { decision: 'confirm', note: '同意共同承担' }, headers: pv(f) }),
    bad: { wrongEnum: { decision: 'approve' }, missing: {}, unknown: { decision: 'confirm', status: 'confirmed' }, tooLong: { decision: 'decline', note: '长'.repeat(1001) } },
  },
  'POST /api/t/{tenant}/projects/{id}/claims/{claimId}/withdraw': {
    scope: 'tenant',
    ifMatch: true,
    // Claimed, not yet started: the lead organization may still withdraw its confirmed claim.
    project: 'claimed',
    build: (f) => ({ method: 'POST', path: P(f, `/claims/${f.project.claimId}/withdraw`), headers: pv(f) }),
  },
  'POST /api/t/{tenant}/projects/{id}/notes': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: P(f, '/notes'), body: { kind: 'supervise', body: '请于本周内报送服务台账' } }),
    bad: {
      wrongEnum: { kind: 'escalation', body: '逾期督办' },
      missing: { kind: 'supervise' },
      tooLong: { kind: 'reply', body: '长'.repeat(2001) },
      unknown: { kind: 'supervise', body: '请报送台账', notified: ['org_x'] },
    },
  },
  ...Object.fromEntries(
    STEPS.map(([action, from, body, bad]): [string, RouteCase] => [
      `POST /api/t/{tenant}/projects/{id}/${action}`,
      { scope: 'tenant', ifMatch: true, project: from, build: (f) => ({ method: 'POST', path: P(f, `/${action}`), body, headers: pv(f) }), bad },
    ]),
  ),
  'GET /api/t/{tenant}/supervision/warnings': {
    scope: 'tenant',
    build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/supervision/warnings?allianceId=${f.alliance.alliance.id}` }),
  },
  'POST /api/t/{tenant}/supervision/run': { scope: 'tenant', build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/supervision/run` }) },
};
