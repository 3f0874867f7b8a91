import type { RouteCase } from './route-cases.ts';
import { invalid, omit, unknownKey } from './refusals.ts';

const R = (f: { tenant: string }, rest = '') => `/api/t/${f.tenant}/rewards${rest}`;
const ROUND = {
  name: '2026年度党支部以奖代补',
  year: 2026,
  subject: 'branch',
  budgetFen: 10_000_000,
  method: { kind: 'tiered_designation', tiers: [{ designation: 'strongest_county', amountFen: 500_000 }, { designation: 'standardized', amountFen: 200_000 }] },
  rules: { eligibility: { excludeUnderRectification: true, requireMemberReport: true }, capFen: 1_000_000 },
};

/**
 * 以奖代补 reward rounds (issue 12). The fixture holds a draft, a simulated
 * draft (what publishing must match) and a published round
 * (test/support/reward-round-factories.ts).
 */
export const REWARDS_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/rewards/rounds': { build: (f) => ({ method: 'GET', path: R(f, '/rounds?year=2026') }) },
  'POST /api/t/{tenant}/rewards/rounds': {
    build: (f) => ({ method: 'POST', path: R(f, '/rounds'), body: ROUND }),
    bad: {
      noName: [(ok) => omit(ok, 'name'), invalid('name')],
      negativeBudget: [(ok) => ({ ...ok, budgetFen: -1 }), invalid('budgetFen')],
      fractionalBudget: [(ok) => ({ ...ok, budgetFen: 100.5 }), invalid('budgetFen')],
      badSubject: [(ok) => ({ ...ok, subject: 'person' }), invalid('subject')],
      badMethod: [(ok) => ({ ...ok, method: { kind: 'lottery' } }), invalid('method.kind')],
      badDesignation: [(ok) => ({ ...ok, method: { kind: 'tiered_designation', tiers: [{ designation: 'famous', amountFen: 1 }] } }), invalid('method.tiers.0.designation')],
      floorAboveCap: [(ok) => ({ ...ok, rules: { ...(ok as typeof ROUND).rules, floorFen: 2_000_000 } }), invalid('rules.floorFen')],
      unknown: [(ok) => ({ ...ok, status: 'published' }), unknownKey('status')],
      badMatchingRatio: [(ok) => ({ ...ok, matching: { cityRoundId: 'rwr_x', ratioNum: 0, ratioDen: 1, budgetFen: 1, shortfallRule: 'scale' } }), invalid('matching.ratioNum')],
      badShortfallRule: [(ok) => ({ ...ok, matching: { cityRoundId: 'rwr_x', ratioNum: 1, ratioDen: 1, budgetFen: 1, shortfallRule: 'lottery' } }), invalid('matching.shortfallRule')],
    },
  },
  'GET /api/t/{tenant}/rewards/rounds/{id}': { build: (f) => ({ method: 'GET', path: R(f, `/rounds/${f.rewards.draft.id}`) }) },
  'PATCH /api/t/{tenant}/rewards/rounds/{id}': {
    build: (f) => ({ method: 'PATCH', path: R(f, `/rounds/${f.rewards.draft.id}`), body: { budgetFen: 5_000_000 }, headers: { 'if-match': '"v1"' } }),
    bad: {
      negative: [(ok) => ({ ...ok, budgetFen: -5 }), invalid('budgetFen')],
      badRules: [(ok) => ({ ...ok, rules: { eligibility: { requireMemberReport: true } } }), invalid('rules.eligibility.excludeUnderRectification')],
      unknown: [(ok) => ({ ...ok, allocatedFen: 0 }), unknownKey('allocatedFen')],
    },
  },
  'POST /api/t/{tenant}/rewards/rounds/{id}/simulate': { build: (f) => ({ method: 'POST', path: R(f, `/rounds/${f.rewards.draft.id}/simulate`) }) },
  'POST /api/t/{tenant}/rewards/rounds/{id}/publish': {
    build: (f) => ({ method: 'POST', path: R(f, `/rounds/${f.rewards.simulated.id}/publish`), headers: { 'if-match': '"v1"' } }),
  },
  'POST /api/t/{tenant}/rewards/rounds/{id}/correct': {
    build: (f) => ({ method: 'POST', path: R(f, `/rounds/${f.rewards.published.id}/correct`), body: { reason: '认定结果调整，重新分配' } }),
    bad: {
      empty: [() => ({}), invalid('reason')],
      short: [() => ({ reason: '错' }), invalid('reason')],
      unknown: [(ok) => ({ ...ok, budgetFen: 1 }), unknownKey('budgetFen')],
    },
  },
  'GET /api/t/{tenant}/rewards/rounds/{id}/allocations': { build: (f) => ({ method: 'GET', path: R(f, `/rounds/${f.rewards.published.id}/allocations`) }) },
  'GET /api/t/{tenant}/rewards/rounds/{id}/export': { build: (f) => ({ method: 'GET', path: R(f, `/rounds/${f.rewards.published.id}/export`) }) },
  'GET /api/t/{tenant}/rewards/city-awards': { build: (f) => ({ method: 'GET', path: R(f, '/city-awards?year=2026') }) },
  'GET /api/t/{tenant}/rewards/rounds/{id}/county-matching': { build: (f) => ({ method: 'GET', path: R(f, `/rounds/${f.rewards.published.id}/county-matching`) }) },
  'POST /api/t/{tenant}/rewards/disbursements/{id}/pay': {
    build: (f) => ({ method: 'POST', path: R(f, `/disbursements/${f.rewards.disbursementId}/pay`), body: { paidOn: '2026-12-01', voucherNo: '记-2026-001' } }),
    bad: {
      badDate: [(ok) => ({ ...ok, paidOn: '2026/12/01' }), invalid('paidOn')],
      noVoucher: [(ok) => omit(ok, 'voucherNo'), invalid('voucherNo')],
      unknown: [(ok) => ({ ...ok, amountFen: 1 }), unknownKey('amountFen')],
    },
  },
};
