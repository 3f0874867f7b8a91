import type { RouteCase } from './route-cases.ts';
import { invalid, omit, unknownKey } from './refusals.ts';

const F = (f: { tenant: string }, rest: string) => `/api/t/${f.tenant}/funds${rest}`;
const A = (f: { tenant: string; alliance: { alliance: { id: string } } }, rest: string) => F(f, `/alliances/${f.alliance.alliance.id}${rest}`);

/**
 * 经费保障 (issue 12). The fixture's first alliance (led by `org`, approved by
 * `parent`, active) holds one 上级拨 entry (`fundEntry`) to reverse; its
 * project is the one spending is recorded on; its three current members hold
 * 出资比例 5000 / 3000 / 2000 (makeFixture), so a contribution call splits.
 */
export const FUNDS_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/funds/summary': { build: (f) => ({ method: 'GET', path: F(f, '/summary') }) },
  'GET /api/t/{tenant}/funds/summary/export': { build: (f) => ({ method: 'GET', path: F(f, '/summary/export') }) },
  'GET /api/t/{tenant}/funds/alliances/{id}/ledger': { build: (f) => ({ method: 'GET', path: A(f, '/ledger?year=2026') }) },
  'GET /api/t/{tenant}/funds/alliances/{id}/ledger/export': { build: (f) => ({ method: 'GET', path: A(f, '/ledger/export?year=2026') }) },
  'GET /api/t/{tenant}/funds/alliances/{id}/balance': { build: (f) => ({ method: 'GET', path: A(f, '/balance') }) },
  'POST /api/t/{tenant}/funds/alliances/{id}/entries': {
    build: (f) => ({
      method: 'POST',
      path: A(f, '/entries'),
      body: { kind: 'spending', amountFen: 12_345, occurredOn: '2026-02-01', voucherNo: '记-2026-002', summary: '购置志愿服务物资', projectId: f.project.project.id },
    }),
    bad: {
      noKind: [(ok) => omit(ok, 'kind'), invalid('kind')],
      zero: [(ok) => ({ ...ok, amountFen: 0 }), invalid('amountFen')],
      fractional: [(ok) => ({ ...ok, amountFen: 12.5 }), invalid('amountFen')],
      yuanString: [(ok) => ({ ...ok, amountFen: '123.45' }), invalid('amountFen')],
      tooLarge: [(ok) => ({ ...ok, amountFen: 100_000_000_001 }), invalid('amountFen')],
      spendingWithSource: [(ok) => ({ ...ok, source: 'allocation' }), invalid('source')],
      incomeWithoutSource: [(ok) => ({ ...omit(ok, 'projectId'), kind: 'income' }), invalid('source')],
      badSource: [(ok) => ({ ...ok, kind: 'income', source: 'loan', projectId: undefined }), invalid('source')],
      future: [(ok) => ({ ...ok, occurredOn: '2099-01-01' }), invalid('occurredOn')],
      badDate: [(ok) => ({ ...ok, occurredOn: '2026-02-30' }), invalid('occurredOn')],
      noSummary: [(ok) => omit(ok, 'summary'), invalid('summary')],
      unknownProject: [(ok) => ({ ...ok, projectId: 'prj_00000000000000000000000000' }), invalid('projectId')],
      unknown: [(ok) => ({ ...ok, balanceFen: 0 }), unknownKey('balanceFen')],
    },
    smuggle: 'recordedBy',
  },
  'POST /api/t/{tenant}/funds/alliances/{id}/contribution-calls': {
    build: (f) => ({ method: 'POST', path: A(f, '/contribution-calls'), body: { amountFen: 1_000_000, occurredOn: '2026-03-01', summary: '各成员单位按出资比例筹集年度经费' } }),
    bad: {
      zero: [(ok) => ({ ...ok, amountFen: 0 }), invalid('amountFen')],
      noDate: [(ok) => omit(ok, 'occurredOn'), invalid('occurredOn')],
      future: [(ok) => ({ ...ok, occurredOn: '2099-12-31' }), invalid('occurredOn')],
      noSummary: [(ok) => omit(ok, 'summary'), invalid('summary')],
      unknown: [(ok) => ({ ...ok, parts: [] }), unknownKey('parts')],
    },
    smuggle: 'recordedBy',
  },
  'POST /api/t/{tenant}/funds/entries/{id}/reverse': {
    build: (f) => ({ method: 'POST', path: F(f, `/entries/${f.fundEntry.id}/reverse`), body: { reason: '拨付金额登记错误，予以冲正' } }),
    bad: {
      empty: [() => ({}), invalid('reason')],
      short: [() => ({ reason: '错' }), invalid('reason')],
      unknown: [(ok) => ({ ...ok, amountFen: -1 }), unknownKey('amountFen')],
    },
    smuggle: 'recordedBy',
  },
};
