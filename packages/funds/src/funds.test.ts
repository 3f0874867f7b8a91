import { readSheet } from 'read-excel-file/universal';
import { openDb, prepareStatements, systemClock, type Ctx } from '@ronghe/core';
import type { ContributionCallResult, FundBalanceView, FundEntryView, FundLedgerView, FundSummaryView, Organization } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../test/support/factories.ts';
import { setContributionBps } from '../../../test/support/funds-factories.ts';
import { makeProject, type MadeProject } from '../../../test/support/list-factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { rewardPostingStatements } from './postings/reward.ts';

// 经费保障 (issue 12 § The alliance fund ledger; seed 003 mechanism 5: 上级拨、各方筹、党费补).
// One alliance's books through a year, every number worked out by hand below (分):
//   2025-12-31 其他收入              +10,000              → 10,000 (carried into 2026)
//   2026-01-10 上级拨 (county)    +50,000,000              → 50,010,000
//   2026-01-15 党费补 (lead)       +3,000,000              → 53,010,000
//   2026-02-01 各方筹 10,000.00 元 at 3333 / 3333 / 3334 bp:
//                 lead +333,300 → 53,343,300; m2 +333,300 → 53,676,600; m3 +333,400 → 54,010,000
//   2026-02-10 项目一 spending     −800,000               → 53,210,000
//   2026-02-20 项目二 spending     −250,000               → 52,960,000   (budget 200,000: over by 50,000)
//   2026-03-01 unassigned          −123,456               → 52,836,544
// 2026: opening 10,000; income 54,000,000; spending 1,173,456; closing 52,836,544.
// Then the 党费补 is reversed (−3,000,000): balance 49,836,544; by source 上级拨 50,000,000,
// 各方筹 1,000,000, 党费补 0, 其他 10,000.
const T = 'wengniute';
const d1 = () => bindings[findTenant(T)!.binding]!;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
async function problem(res: Response, status: number, code: string, field?: string): Promise<string> {
  const p = await json<{ code: string; detail?: string; errors?: Array<{ path: string; message: string }> }>(res, status);
  expect(p.code).toBe(code);
  if (field) expect(p.errors?.map((e) => e.path)).toContain(field);
  return [p.detail, ...(p.errors ?? []).map((e) => e.message)].join(' ');
}

let committee: Organization;
let lead: Organization;
let m2: Organization;
let m3: Organization;
let a: MadeAlliance;
let other: MadeAlliance;
let p1: MadeProject;
let p2: MadeProject;
let otherProject: MadeProject;
let county: TestUser;
let leadAdmin: TestUser;
let m2Liaison: TestUser;
let outsider: TestUser;
let reviewer: TestUser;
const ids: Record<string, string> = {};

const A = (rest: string) => `/api/t/${T}/funds/alliances/${a.alliance.id}${rest}`;
const record = (u: TestUser, body: Record<string, unknown>, alliance = a) => call('POST', `/api/t/${T}/funds/alliances/${alliance.alliance.id}/entries`, { token: u.token, body });

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: committee, name: '经费测试社区党委' });
  m2 = await makeOrg(T, { domain: '机关', kind: '党支部' });
  m3 = await makeOrg(T, { domain: '非公有制企业', kind: '党支部' });
  a = await makeAlliance(T, { lead, committee, members: [m2, m3], name: '经费测试联合体' });
  other = await makeAlliance(T, { lead: m3, committee, name: '另一联合体' });
  p1 = await makeProject(T, a, 'in_progress', { budgetFen: 1_000_000 });
  p2 = await makeProject(T, a, 'in_progress', { budgetFen: 200_000 });
  otherProject = await makeProject(T, other);
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
  leadAdmin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
  m2Liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: m2.id }]);
  outsider = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: (await makeOrg(T, { parent: committee })).id }]);
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }]);
});

describe('the alliance fund ledger', () => {
  it('records income by source and spending on the alliance’s projects, each with its event', async () => {
    const steps: Array<[TestUser, Record<string, unknown>, string]> = [
      [county, { kind: 'income', source: 'other', amountFen: 10_000, occurredOn: '2025-12-31', summary: '上年社会捐助' }, 'other'],
      [county, { kind: 'income', source: 'allocation', amountFen: 50_000_000, occurredOn: '2026-01-10', voucherNo: '记-001', summary: '区委组织部拨付党建经费' }, 'alloc'],
      [leadAdmin, { kind: 'income', source: 'party_fee', amountFen: 3_000_000, occurredOn: '2026-01-15', voucherNo: '记-002', summary: '党费补助' }, 'fee'],
    ];
    for (const [u, body, key] of steps) ids[key] = (await json<FundEntryView>(await record(u, body), 201)).id;
    const fee = await d1().prepare("SELECT type, data FROM outbox WHERE aggregate_id = ?").bind(ids.fee).first<{ type: string; data: string }>();
    expect(fee?.type).toBe('fund_entry.recorded');
    expect(JSON.parse(fee!.data)).toEqual({ entryId: ids.fee, allianceId: a.alliance.id, kind: 'income', source: 'party_fee', amountFen: 3_000_000, reversesId: null });
  });

  it('各方筹: 10,000.00 元 over 3333 / 3333 / 3334 bp is 3,333.00 + 3,333.00 + 3,334.00 元, one income entry each', async () => {
    await setContributionBps(T, a.alliance.id, { [lead.id]: 3333, [m2.id]: 3333, [m3.id]: 3334 });
    const r = await json<ContributionCallResult>(await call('POST', A('/contribution-calls'), { token: leadAdmin.token, body: { amountFen: 1_000_000, occurredOn: '2026-02-01', summary: '成员单位按出资比例筹集' } }), 201);
    expect(r).toMatchObject({ amountFen: 1_000_000, bpTotal: 10_000, scaled: false });
    expect(r.parts.map((p) => [p.orgId, p.contributionBp, p.amountFen])).toEqual([
      [lead.id, 3333, 333_300],
      [m2.id, 3333, 333_300],
      [m3.id, 3334, 333_400],
    ]);
    const rows = (await d1().prepare("SELECT org_id, amount_fen, source FROM fund_entries WHERE call_id = ? ORDER BY id").bind(r.callId).all<{ org_id: string; amount_fen: number; source: string }>()).results;
    expect(rows).toEqual([
      { org_id: lead.id, amount_fen: 333_300, source: 'contribution' },
      { org_id: m2.id, amount_fen: 333_300, source: 'contribution' },
      { org_id: m3.id, amount_fen: 333_400, source: 'contribution' },
    ]);
    const events = (await d1().prepare("SELECT count(*) AS n FROM outbox WHERE type = 'fund_entry.recorded' AND aggregate_id IN (SELECT id FROM fund_entries WHERE call_id = ?)").bind(r.callId).first<{ n: number }>())!.n;
    expect(events).toBe(3);
  });

  it('a contribution call when no member holds a ratio is refused (409), and writes nothing', async () => {
    const before = (await d1().prepare('SELECT count(*) AS n FROM fund_entries').first<{ n: number }>())!.n;
    const detail = await problem(await call('POST', `/api/t/${T}/funds/alliances/${other.alliance.id}/contribution-calls`, { token: county.token, body: { amountFen: 100, occurredOn: '2026-02-01', summary: '筹集经费' } }), 409, 'conflict');
    expect(detail).toContain('出资比例');
    expect((await d1().prepare('SELECT count(*) AS n FROM fund_entries').first<{ n: number }>())!.n).toBe(before);
  });

  it('spending: on its own projects; another alliance’s project is refused naming the field', async () => {
    const spend = (projectId: string | undefined, amountFen: number, occurredOn: string, summary: string) =>
      record(leadAdmin, { kind: 'spending', amountFen, occurredOn, summary, ...(projectId ? { projectId } : {}) });
    const msg = await problem(await spend(otherProject.project.id, 100, '2026-02-05', '误记到别的联合体项目'), 422, 'validation_failed', 'body.projectId');
    expect(msg).toContain('不属于本联合体');
    await json(await spend(p1.project.id, 800_000, '2026-02-10', '项目一采购物资'), 201);
    await json(await spend(p2.project.id, 250_000, '2026-02-20', '项目二场地租用'), 201);
    await json(await spend(undefined, 123_456, '2026-03-01', '联席会议资料印制'), 201);
  });

  it('the 2026 ledger: carried balance, running balance after each entry, totals (by hand above)', async () => {
    const l = await json<FundLedgerView>(await call('GET', A('/ledger?year=2026'), { token: m2Liaison.token }), 200);
    expect({ opening: l.openingFen, income: l.incomeFen, spending: l.spendingFen, closing: l.closingFen }).toEqual({ opening: 10_000, income: 54_000_000, spending: 1_173_456, closing: 52_836_544 });
    expect(l.items.map((e) => [e.occurredOn, e.kind, e.amountFen, e.balanceFen])).toEqual([
      ['2026-01-10', 'income', 50_000_000, 50_010_000],
      ['2026-01-15', 'income', 3_000_000, 53_010_000],
      ['2026-02-01', 'income', 333_300, 53_343_300],
      ['2026-02-01', 'income', 333_300, 53_676_600],
      ['2026-02-01', 'income', 333_400, 54_010_000],
      ['2026-02-10', 'spending', 800_000, 53_210_000],
      ['2026-02-20', 'spending', 250_000, 52_960_000],
      ['2026-03-01', 'spending', 123_456, 52_836_544],
    ]);
    expect(l.items[5]!.projectTitle).toBe(p1.project.title);
    expect(l.items[2]!.orgName).toBe('经费测试社区党委');
  });

  it('the ledger export: one row per entry, running balance and the year’s totals in 元', async () => {
    const res = await call('GET', A('/ledger/export?year=2026'), { token: county.token });
    expect(res.status).toBe(200);
    const rows = (await readSheet(await res.arrayBuffer())) as unknown[][];
    expect(rows[1]).toEqual(['日期', '凭证号', '摘要', '来源/用途', '收入（元）', '支出（元）', '余额（元）']);
    expect(rows[2]).toEqual(['2026-01-01', null, '上年结转', null, null, null, 100]);
    expect(rows[3]).toEqual(['2026-01-10', '记-001', '区委组织部拨付党建经费', '上级拨', 500_000, null, 500_100]);
    expect(rows.find((r) => r[2] === '联席会议资料印制')).toEqual(['2026-03-01', null, '联席会议资料印制', '其他支出', null, 1234.56, 528_365.44]);
    expect(rows.at(-1)).toEqual([null, null, '本年合计', null, 540_000, 11_734.56, 528_365.44]);
    expect(rows).toHaveLength(2 + 1 + 8 + 1);
  });

  it('corrections are reversals only: once per entry, never a reversal of a reversal (409)', async () => {
    const reverse = (id: string) => call('POST', `/api/t/${T}/funds/entries/${id}/reverse`, { token: leadAdmin.token, body: { reason: '党费补助登记重复' } });
    const rev = await json<FundEntryView>(await reverse(ids.fee!), 201);
    expect(rev).toMatchObject({ kind: 'income', source: 'party_fee', amountFen: -3_000_000, reversesId: ids.fee, reason: '党费补助登记重复', balanceFen: 49_836_544 });
    expect(await problem(await reverse(ids.fee!), 409, 'conflict')).toContain('已经冲正');
    expect(await problem(await reverse(rev.id), 409, 'conflict')).toContain('冲正记录不能再冲正');
  });

  it('two people reversing the same entry at once: one reversal is written, the other gets 409', async () => {
    const entry = (await json<FundEntryView>(await record(county, { kind: 'spending', amountFen: 5_000, occurredOn: '2026-03-02', summary: '误记支出' }), 201)).id;
    const body = { reason: '误记，予以冲正' };
    const [r1, r2] = await Promise.all([leadAdmin, county].map((u) => call('POST', `/api/t/${T}/funds/entries/${entry}/reverse`, { token: u.token, body })));
    expect([r1!.status, r2!.status].sort()).toEqual([201, 409]);
    const n = (await d1().prepare('SELECT count(*) AS n FROM fund_entries WHERE reverses_id = ?').bind(entry).first<{ n: number }>())!.n;
    expect(n).toBe(1);
  });

  it('an alliance not yet formed keeps no books: recording is refused (409)', async () => {
    const draft = await makeAlliance(T, { lead, committee, status: 'draft', name: '筹建中联合体' });
    expect(await problem(await record(county, { kind: 'income', source: 'allocation', amountFen: 100, occurredOn: '2026-03-02', summary: '拨付经费' }, draft), 409, 'conflict')).toContain('尚未成立');
  });

  it('the database refuses UPDATE and DELETE of a ledger entry', async () => {
    await expect(d1().prepare('UPDATE fund_entries SET amount_fen = 1 WHERE id = ?').bind(ids.alloc).run()).rejects.toThrow(/append-only/);
    await expect(d1().prepare('DELETE FROM fund_entries WHERE id = ?').bind(ids.alloc).run()).rejects.toThrow(/append-only/);
    // … and a second posting of the same thing (one source key) cannot be written.
    await expect(
      d1()
        .prepare("INSERT INTO fund_entries (id, alliance_id, kind, source, amount_fen, occurred_on, summary, source_key, recorded_by, recorded_by_name, created_at) SELECT 'fle_dup', alliance_id, kind, source, amount_fen, occurred_on, summary, source_key, recorded_by, recorded_by_name, created_at FROM fund_entries WHERE id = ?")
        .bind(ids.alloc)
        .run(),
    ).rejects.toThrow(/UNIQUE/);
  });

  it('balance by source and the reconciliation against project budgets, over-budget flagged', async () => {
    const b = await json<FundBalanceView>(await call('GET', A('/balance'), { token: reviewer.token }), 200);
    expect(b).toMatchObject({
      incomeFen: 51_010_000,
      spendingFen: 1_173_456,
      balanceFen: 49_836_544,
      overdrawn: false,
      bySource: { allocation: 50_000_000, contribution: 1_000_000, party_fee: 0, other: 10_000 },
      unassignedSpendingFen: 123_456,
    });
    const byId = new Map(b.projects.map((p) => [p.projectId, p]));
    expect(byId.get(p1.project.id)).toMatchObject({ budgetFen: 1_000_000, spentFen: 800_000, remainingFen: 200_000, overBudget: false });
    expect(byId.get(p2.project.id)).toMatchObject({ budgetFen: 200_000, spentFen: 250_000, remainingFen: -50_000, overBudget: true });
  });

  it('the county summary holds the alliance’s row; its export ends with the totals', async () => {
    const s = await json<FundSummaryView>(await call('GET', `/api/t/${T}/funds/summary`, { token: county.token }), 200);
    const row = s.items.find((r) => r.allianceId === a.alliance.id);
    expect(row).toMatchObject({ allianceName: '经费测试联合体', incomeFen: 51_010_000, spendingFen: 1_173_456, balanceFen: 49_836_544, bySource: { allocation: 50_000_000, contribution: 1_000_000, party_fee: 0, other: 10_000 } });
    expect(s.totals.incomeFen).toBe(s.items.reduce((t, r) => t + r.incomeFen, 0));
    const res = await call('GET', `/api/t/${T}/funds/summary/export`, { token: county.token });
    const rows = (await readSheet(await res.arrayBuffer())) as unknown[][];
    expect(rows.find((r) => r[0] === '经费测试联合体')).toEqual(['经费测试联合体', '运行中', 500_000, 10_000, 0, 100, 510_100, 11_734.56, 498_365.44]);
    expect(rows.at(-1)![0]).toBe('合计');
  });

  it('who reads and who records: members read, an unrelated liaison and a member organization may not record', async () => {
    await json(await call('GET', A('/balance'), { token: m2Liaison.token }), 200);
    expect(await problem(await call('GET', A('/ledger'), { token: outsider.token }), 403, 'forbidden')).toContain('联合体经费');
    await problem(await record(m2Liaison, { kind: 'income', source: 'contribution', amountFen: 100, occurredOn: '2026-03-02', summary: '自行登记' }), 403, 'forbidden');
    await problem(await record(reviewer, { kind: 'income', source: 'allocation', amountFen: 100, occurredOn: '2026-03-02', summary: '街道拨付' }), 403, 'forbidden');
    await problem(await call('GET', `/api/t/${T}/funds/summary`, { token: leadAdmin.token }), 403, 'forbidden');
  });

  it('a reward disbursement posts once as 上级拨, however often its event arrives', async () => {
    const b = await makeAlliance(T, { lead: m2, committee, name: '获奖联合体' });
    const ctx: Ctx = { db: openDb(d1()), tenant: { slug: T, code: '', name: '翁牛特旗', kind: 'county' }, actor: { userId: 'system', displayName: '以奖代补', grants: [] }, clock: systemClock, requestId: 'req_reward_post' };
    const posting = { disbursementId: 'rwd_01testdisbursement000000000', allianceId: b.alliance.id, amountFen: 8_000_000, paidOn: '2026-04-01', voucherNo: '拨-009', summary: '2026年度以奖代补（区级）' };
    for (let i = 0; i < 2; i++) await d1().batch(prepareStatements(d1(), rewardPostingStatements(ctx, posting)));
    const rows = (await d1().prepare('SELECT kind, source, amount_fen, source_key FROM fund_entries WHERE alliance_id = ?').bind(b.alliance.id).all()).results;
    expect(rows).toEqual([{ kind: 'income', source: 'allocation', amount_fen: 8_000_000, source_key: 'reward:rwd_01testdisbursement000000000' }]);
    const events = (await d1().prepare("SELECT count(*) AS n FROM outbox WHERE type = 'fund_entry.recorded' AND aggregate_id IN (SELECT id FROM fund_entries WHERE alliance_id = ?)").bind(b.alliance.id).first<{ n: number }>())!.n;
    expect(events).toBe(1);
  });
});
