import { env } from 'cloudflare:workers';
import { findTenant } from '@ronghe/tenancy';
import type { AllocationTableView, RoundView } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';

// 以奖代补 reward rounds (issue 12 § 以奖代补) through the API: a draft is
// simulated on the county's facts, simulated again with another budget (the
// differences shown), published exactly as last simulated, paid, and corrected
// by a new round. Amounts by hand from seed 004 四(三): a standardized branch
// gets the general standard (10,000.00 元 here), a county-level 最强党支部
// +30 %, a city-level one a one-time 50,000.00 元 on top.
const T = 'ningcheng';
const d1 = () => (env as unknown as Record<string, D1Database>)[findTenant(T)!.binding]!;

let admin: TestUser;
let reviewer: TestUser;
const b: Record<'strongestCounty' | 'standard' | 'strongestCity' | 'weak' | 'plain', { id: string; name: string }> = {} as never;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
async function problem(res: Response, status: number, code: string, detail?: RegExp) {
  const p = await json<{ code: string; detail: string }>(res, status);
  expect(p.code).toBe(code);
  if (detail) expect(p.detail).toMatch(detail);
}
const R = (rest = '') => `/api/t/${T}/rewards/rounds${rest}`;
const YUAN = 100;

const ROUND = {
  name: '2026年度党支部以奖代补',
  year: 2026,
  subject: 'branch',
  budgetFen: 100_000 * YUAN,
  method: {
    kind: 'base_uplift',
    baseFen: 10_000 * YUAN,
    uplifts: [
      { designation: 'strongest_county', percentBp: 3000 },
      { designation: 'strongest_city', fixedFen: 50_000 * YUAN },
    ],
  },
  rules: { eligibility: { anyDesignation: ['standardized'], excludeUnderRectification: true, requireMemberReport: true } },
};

beforeAll(async () => {
  const committee = await makeOrg(T, { kind: '党工委', domain: '街道', name: '奖补测试街道党工委' });
  const branch = (name: string, fields: Parameters<typeof makeOrg>[1]) => makeOrg(T, { parent: committee, name, ...fields });
  b.strongestCounty = await branch('奖补甲社区党支部', { qualityStatus: '最强党支部（区级）', qualityYear: 2026 });
  b.standard = await branch('奖补乙社区党支部', { qualityStatus: '标准化规范化', qualityYear: 2026 });
  b.strongestCity = await branch('奖补丙社区党支部', { qualityStatus: '最强党支部（市级）', qualityYear: 2026 });
  // Standardized, but flagged 软弱涣散: under rectification, so nothing this year.
  b.weak = await branch('奖补丁社区党支部', { qualityStatus: '标准化规范化', qualityYear: 2026, weakFlag: true });
  b.plain = await branch('奖补戊社区党支部', {});
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }]);
});

/** A branch's standing changed the way the county changes it: through the registry's own edit (If-Match: its version). */
async function setQuality(orgId: string, qualityStatus: string) {
  const got = await call('GET', `/api/t/${T}/orgs/${orgId}`, { token: admin.token });
  expect(got.status).toBe(200);
  const res = await call('PATCH', `/api/t/${T}/orgs/${orgId}`, { token: admin.token, body: { qualityStatus }, headers: { 'if-match': got.headers.get('etag')! } });
  expect(res.status, await res.clone().text()).toBe(200);
}

const amounts = (t: AllocationTableView) => Object.fromEntries(t.lines.map((l) => [l.recipientName, l.amountFen]));

describe('a round from draft to payment', () => {
  let round: RoundView;

  it('simulates on the branches’ standing: demand is met in full when the budget allows', async () => {
    round = await json<RoundView>(await call('POST', R(), { token: admin.token, body: ROUND }), 201);
    expect([round.status, round.subjectLabel, round.version]).toEqual(['draft', '党支部', 1]);
    // Publishing before any simulation is refused: the county must look first.
    await problem(await call('POST', R(`/${round.id}/publish`), { token: admin.token, headers: { 'if-match': `"v${round.version}"` } }), 409, 'conflict', /先模拟/);

    const t = await json<AllocationTableView>(await call('POST', R(`/${round.id}/simulate`), { token: admin.token }), 200);
    // 甲 10,000 + 30 % = 13,000 元; 乙 10,000 元; 丙 10,000 + 50,000 = 60,000 元; 丁 整顿中 0; 戊 not standardized 0.
    expect(amounts(t)).toEqual({ 奖补甲社区党支部: 13_000 * YUAN, 奖补乙社区党支部: 10_000 * YUAN, 奖补丙社区党支部: 60_000 * YUAN, 奖补丁社区党支部: 0, 奖补戊社区党支部: 0 });
    expect([t.demandFen, t.allocatedFen, t.unallocatedFen]).toEqual([83_000 * YUAN, 83_000 * YUAN, 17_000 * YUAN]);
    expect(t.diff).toBeNull();
    const weak = t.lines.find((l) => l.recipientId === b.weak.id)!;
    // Each refusal names its one rule: 丁 is under rectification, 戊 holds no required designation.
    expect([weak.status, weak.steps[0]!.code, weak.steps.filter((s) => s.code.startsWith('ineligible')).length]).toEqual(['ineligible', 'ineligible_rectification', 1]);
    const plain = t.lines.find((l) => l.recipientId === b.plain.id)!;
    expect([plain.status, plain.steps[0]!.code, plain.steps.filter((s) => s.code.startsWith('ineligible')).length]).toEqual(['ineligible', 'ineligible_designation', 1]);
    // Every amount is explained in Chinese with its numbers in 元.
    expect(t.lines.find((l) => l.recipientId === b.strongestCounty.id)!.steps.map((s) => s.text).join('；')).toMatch(/13,000\.00 元/);
  });

  it('a smaller budget scales every award down, and the table shows what changed since the last simulation', async () => {
    const patched = await json<RoundView>(
      await call('PATCH', R(`/${round.id}`), { token: admin.token, body: { budgetFen: 41_500 * YUAN }, headers: { 'if-match': `"v${round.version}"` } }),
      200,
    );
    expect(patched.version).toBe(2);
    // A stale version is refused.
    await problem(await call('PATCH', R(`/${round.id}`), { token: admin.token, body: { budgetFen: 1 }, headers: { 'if-match': `"v${round.version}"` } }), 412, 'precondition_failed');
    round = patched;
    const t = await json<AllocationTableView>(await call('POST', R(`/${round.id}/simulate`), { token: admin.token }), 200);
    // 41,500 of 83,000 demanded: exactly half each.
    expect(amounts(t)).toEqual({ 奖补甲社区党支部: 6_500 * YUAN, 奖补乙社区党支部: 5_000 * YUAN, 奖补丙社区党支部: 30_000 * YUAN, 奖补丁社区党支部: 0, 奖补戊社区党支部: 0 });
    expect(t.allocatedFen).toBe(41_500 * YUAN);
    expect(t.diff).toMatchObject({ previousBudgetFen: 100_000 * YUAN, previousAllocatedFen: 83_000 * YUAN, changed: 3, added: [], removed: [] });
    expect(t.lines.find((l) => l.recipientId === b.strongestCity.id)!.previousFen).toBe(60_000 * YUAN);
  });

  it('is not published when the facts changed since the last simulation', async () => {
    await setQuality(b.plain.id, '标准化规范化');
    await problem(await call('POST', R(`/${round.id}/publish`), { token: admin.token, headers: { 'if-match': `"v${round.version}"` } }), 409, 'conflict', /重新模拟/);
    await setQuality(b.plain.id, '未达标');
  });

  it('publishes exactly what was simulated; the lines, facts and explanations are frozen and each award awaits payment', async () => {
    const published = await json<RoundView>(await call('POST', R(`/${round.id}/publish`), { token: admin.token, headers: { 'if-match': `"v${round.version}"` } }), 200);
    expect([published.status, published.allocatedFen, published.recipientCount]).toEqual(['published', 41_500 * YUAN, 3]);
    await problem(await call('POST', R(`/${round.id}/publish`), { token: admin.token, headers: { 'if-match': `"v${published.version}"` } }), 409, 'conflict');
    await problem(await call('PATCH', R(`/${round.id}`), { token: admin.token, body: { budgetFen: 1 }, headers: { 'if-match': `"v${published.version}"` } }), 409, 'conflict');
    await problem(await call('POST', R(`/${round.id}/simulate`), { token: admin.token }), 409, 'conflict');

    // The committee reads the table: the stored amounts and a planned payment for each award.
    const t = await json<AllocationTableView>(await call('GET', R(`/${round.id}/allocations`), { token: reviewer.token }), 200);
    expect(amounts(t)).toEqual({ 奖补甲社区党支部: 6_500 * YUAN, 奖补乙社区党支部: 5_000 * YUAN, 奖补丙社区党支部: 30_000 * YUAN, 奖补丁社区党支部: 0, 奖补戊社区党支部: 0 });
    expect(t.lines.filter((l) => l.disbursement).map((l) => l.disbursement!.statusLabel)).toEqual(['待拨付', '待拨付', '待拨付']);
    // Even a later change of a branch's standing leaves the published table as it was.
    await setQuality(b.standard.id, '未达标');
    expect(amounts(await json<AllocationTableView>(await call('GET', R(`/${round.id}/allocations`), { token: admin.token }), 200))[b.standard.name]).toBe(5_000 * YUAN);
    // The database itself refuses to rewrite a published line or round.
    await expect(d1().prepare(`UPDATE reward_allocations SET amount_fen = 0 WHERE round_id = ?`).bind(round.id).run()).rejects.toThrow(/append-only/);
    await expect(d1().prepare(`UPDATE reward_rounds SET budget_fen = 0 WHERE id = ?`).bind(round.id).run()).rejects.toThrow(/immutable/);

    // Payment: recorded once, with its date and voucher.
    const line = t.lines.find((l) => l.recipientId === b.strongestCity.id)!;
    const paid = await json<{ status: string; paidOn: string; voucherNo: string }>(
      await call('POST', `/api/t/${T}/rewards/disbursements/${line.disbursement!.id}/pay`, { token: admin.token, body: { paidOn: '2026-12-01', voucherNo: '记-2026-1201' } }),
      200,
    );
    expect([paid.status, paid.paidOn, paid.voucherNo]).toEqual(['paid', '2026-12-01', '记-2026-1201']);
    await problem(await call('POST', `/api/t/${T}/rewards/disbursements/${line.disbursement!.id}/pay`, { token: admin.token, body: { paidOn: '2026-12-02', voucherNo: '记-2' } }), 409, 'conflict', /不能重复/);
    // A committee reviewer reads but does not pay.
    await problem(await call('POST', `/api/t/${T}/rewards/disbursements/${line.disbursement!.id}/pay`, { token: reviewer.token, body: { paidOn: '2026-12-02', voucherNo: '记-2' } }), 403, 'forbidden');
  });

  it('a correction is a new draft naming the published round; the published one stays as it was', async () => {
    const c = await json<RoundView>(await call('POST', R(`/${round.id}/correct`), { token: admin.token, body: { reason: '乙支部标准化认定撤销' } }), 201);
    expect([c.status, c.correctsRoundId, c.budgetFen, c.note]).toEqual(['draft', round.id, 41_500 * YUAN, '乙支部标准化认定撤销']);
    await problem(await call('POST', R(`/${round.id}/correct`), { token: admin.token, body: { reason: '再次更正原轮次' } }), 409, 'conflict');
    const original = await json<RoundView>(await call('GET', R(`/${round.id}`), { token: admin.token }), 200);
    expect([original.status, original.correctedByRoundId, original.allocatedFen]).toEqual(['published', c.id, 41_500 * YUAN]);
    // The correction sees today's facts: 乙 is no longer standardized, so 41,500 is shared by 甲 and 丙 (13,000 : 60,000).
    const t = await json<AllocationTableView>(await call('POST', R(`/${c.id}/simulate`), { token: admin.token }), 200);
    expect(t.allocatedFen).toBe(41_500 * YUAN);
    expect(amounts(t)[b.standard.name]).toBe(0);
    // 41,500 × 13,000 / 73,000 = 7,390.41… → 739,041 分 after the largest remainder; 丙 takes the rest.
    expect(amounts(t)[b.strongestCounty.name]! + amounts(t)[b.strongestCity.name]!).toBe(41_500 * YUAN);
    expect(amounts(t)[b.strongestCounty.name]).toBe(739_041);
    const list = await json<{ items: RoundView[] }>(await call('GET', R('?year=2026'), { token: admin.token }), 200);
    expect(list.items.map((r) => [r.id, r.status])).toEqual([
      [c.id, 'draft'],
      [round.id, 'published'],
    ]);
  });
});
