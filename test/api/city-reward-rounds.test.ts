import { env } from 'cloudflare:workers';
import { newId } from '@ronghe/core';
import { rewardPostingConsumer } from '@ronghe/funds';
import { applyOnce, toEnvelope, type OutboxRecord } from '@ronghe/events';
import type { AllocationTableView, CityAwardView, CountyMatchingView, RoundView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { readCityRollup } from '@ronghe/rollup/read';
import { recountCounties, rollupConsumer } from '@ronghe/rollup';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance } from '../support/alliance-factories.ts';
import { makeFinalizedAssessment, makeScheme } from '../support/assessment-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../support/factories.ts';

// 市级以奖代补 and 配套 (issue 12 § 以奖代补; issue 13 § the city's own work; ADR 0025).
// The city organization department runs a round over the alliances of every
// county (read in each county's database), publishes it, and pays; each county
// sees its own recipients' city awards only; a city payment to an alliance is
// posted once to the alliance's ledger in its county; a county matches the
// city's awards (配套) at a ratio with a stated shortfall rule.
//
// Amounts by hand. Tiers: 优秀 30,000.00 元, 良好 10,000.00 元; eligible from 良好.
// Demand 30,000 (林西 甲, 优秀 92.50) + 10,000 (林西 乙, 良好 85.00) + 30,000
// (敖汉 丙, 优秀 95.00) = 70,000.00 元 > budget 60,000.00 元, so each gets
// 60,000 × demand / 70,000: 甲 and 丙 25,714.285714… → 2,571,428 分, 乙
// 8,571.428571… → 857,142 分; 2 分 left by largest remainder: 乙 (.857)
// first, then of 甲 and 丙 (.571 each) the higher score, 丙. So 甲 2,571,428,
// 乙 857,143, 丙 2,571,429 分; 6,000,000 in all.
const env_ = env as unknown as Record<string, unknown>;
const d1 = (slug: string) => (env as unknown as Record<string, D1Database>)[findTenant(slug)!.binding]!;
const A = 'linxi';
const B = 'aohan';
const CITY = 'chifeng';
const YUAN = 100;
// A year no other case uses (rounds allow 2000–2100; the assessment factories' fresh years are beyond that).
const year = 2099;

let city: TestUser;
let adminA: TestUser;
let adminB: TestUser;
const al: Record<'jia' | 'yi' | 'bing', { id: string; name: string }> = {} as never;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
async function problem(res: Response, status: number, code: string, path?: string) {
  const p = await json<{ code: string; detail: string; errors?: Array<{ path: string; message: string }> }>(res, status);
  expect(p.code).toBe(code);
  if (path) expect(p.errors?.map((e) => e.path)).toContain(path);
}
const R = (t: string, rest = '') => `/api/t/${t}/rewards/rounds${rest}`;

const CITY_ROUND = {
  name: `${year}年度市级党建联合体以奖代补`,
  year,
  subject: 'alliance',
  budgetFen: 60_000 * YUAN,
  method: { kind: 'tiered_grade', tiers: { excellent: 30_000 * YUAN, good: 10_000 * YUAN } },
  rules: { eligibility: { minGrade: 'good', excludeUnderRectification: true, requireMemberReport: false } },
};

async function assessed(tenant: string, name: string, score: number, grade: 'excellent' | 'good', schemeId: string) {
  const committee = await makeOrg(tenant, { kind: '党工委', domain: '街道', name: `${name}街道党工委` });
  const lead = await makeOrg(tenant, { parent: committee, name: `${name}社区党委` });
  const a = await makeAlliance(tenant, { lead, committee, name: `${name}联合体` });
  await makeFinalizedAssessment(tenant, { allianceId: a.alliance.id, year, schemeId, committeeOrgId: committee.id, score, grade });
  return { id: a.alliance.id, name: `${name}联合体` };
}

beforeAll(async () => {
  const [sa, sb] = [await makeScheme(A, 'frozen', year), await makeScheme(B, 'frozen', year)];
  al.jia = await assessed(A, '市奖甲', 9250, 'excellent', sa.id);
  al.yi = await assessed(A, '市奖乙', 8500, 'good', sa.id);
  al.bing = await assessed(B, '市奖丙', 9500, 'excellent', sb.id);
  city = await makeUser([{ tenant: CITY, role: 'city_admin' }]);
  adminA = await makeUser([{ tenant: A, role: 'county_admin' }]);
  adminB = await makeUser([{ tenant: B, role: 'county_admin' }]);
});

const mine = (t: AllocationTableView) => Object.fromEntries(t.lines.filter((l) => Object.values(al).some((a) => a.id === l.recipientId)).map((l) => [l.recipientName, l.amountFen]));

describe('a city round across the counties', () => {
  let round: RoundView;
  let table: AllocationTableView;

  it('is a 市级 round of the city; a county cannot open one', async () => {
    await problem(await call('POST', R(A), { token: adminA.token, body: { ...CITY_ROUND, level: 'city' } }), 422, 'validation_failed', 'json.level');
    round = await json<RoundView>(await call('POST', R(CITY), { token: city.token, body: CITY_ROUND }), 201);
    expect([round.level, round.levelLabel, round.status, round.matching]).toEqual(['city', '市级', 'draft', null]);
    // The city sets no 配套 of its own.
    await problem(await call('POST', R(CITY), { token: city.token, body: { ...CITY_ROUND, matching: { cityRoundId: round.id, ratioNum: 1, ratioDen: 1, budgetFen: 1, shortfallRule: 'scale' } } }), 422, 'validation_failed', 'json.matching');
  });

  it('simulates on the alliances of every county, each named with its county, every amount explained', async () => {
    table = await json<AllocationTableView>(await call('POST', R(CITY, `/${round.id}/simulate`), { token: city.token }), 200);
    expect(mine(table)).toEqual({ '林西县·市奖甲联合体': 2_571_428, '林西县·市奖乙联合体': 857_143, '敖汉旗·市奖丙联合体': 2_571_429 });
    expect(table.allocatedFen).toBe(60_000 * YUAN);
    const yi = table.lines.find((l) => l.recipientId === al.yi.id)!;
    expect([yi.recipientTenant, yi.countyName, yi.basis]).toEqual([A, '林西县', '考核良好；85.00 分']);
    expect(yi.steps.map((s) => s.code)).toEqual(expect.arrayContaining(['tier', 'rounding', 'result']));
    expect(yi.steps.find((s) => s.code === 'rounding')!.text).toMatch(/尾差/);
    const bing = table.lines.find((l) => l.recipientId === al.bing.id)!;
    expect([bing.recipientTenant, bing.countyName]).toEqual([B, '敖汉旗']);
  });

  it('publishes exactly what was simulated; each county sees its own recipients’ city awards only', async () => {
    const published = await json<RoundView>(await call('POST', R(CITY, `/${round.id}/publish`), { token: city.token, headers: { 'if-match': `"v${round.version}"` } }), 200);
    expect([published.status, published.allocatedFen]).toEqual(['published', 60_000 * YUAN]);
    round = published;
    const seenA = await json<{ items: CityAwardView[] }>(await call('GET', `/api/t/${A}/rewards/city-awards?year=${year}`, { token: adminA.token }), 200);
    expect(seenA.items.map((i) => [i.recipientName, i.amountFen, i.disbursement?.statusLabel])).toEqual([
      ['林西县·市奖甲联合体', 2_571_428, '待拨付'],
      ['林西县·市奖乙联合体', 857_143, '待拨付'],
    ]);
    expect(seenA.items[0]!.roundName).toBe(CITY_ROUND.name);
    const seenB = await json<{ items: CityAwardView[] }>(await call('GET', `/api/t/${B}/rewards/city-awards?year=${year}`, { token: adminB.token }), 200);
    expect(seenB.items.map((i) => [i.recipientName, i.amountFen])).toEqual([['敖汉旗·市奖丙联合体', 2_571_429]]);
    // The signed export, as for a county round: the city's title.
    const xlsx = await call('GET', R(CITY, `/${round.id}/export`), { token: city.token });
    expect(xlsx.status).toBe(200);
    expect(decodeURIComponent(xlsx.headers.get('content-disposition') ?? '')).toContain(`赤峰市${year}年度党建联合体以奖代补资金分配表.xlsx`);
    // A county reads no other tenant's rounds.
    await problem(await call('GET', `/api/t/${CITY}/rewards/rounds/${round.id}/allocations`, { token: adminA.token }), 404, 'not_found');
    await problem(await call('GET', `/api/t/${B}/rewards/city-awards`, { token: adminA.token }), 404, 'not_found');
  });

  it('a city payment to an alliance is posted once, as 上级拨, to its ledger in its county', async () => {
    const t = await json<AllocationTableView>(await call('GET', R(CITY, `/${round.id}/allocations`), { token: city.token }), 200);
    const line = t.lines.find((l) => l.recipientId === al.jia.id)!;
    await json(await call('POST', `/api/t/${CITY}/rewards/disbursements/${line.disbursement!.id}/pay`, { token: city.token, body: { paidOn: '2026-12-01', voucherNo: '赤组拨〔2026〕8号' } }), 200);
    const row = await d1(CITY).prepare("SELECT * FROM outbox WHERE aggregate_id = ? AND type = 'reward.disbursed'").bind(line.disbursement!.id).first<OutboxRecord>();
    const event = toEnvelope(row!, CITY);
    expect(event.data).toMatchObject({ recipientType: 'alliance', recipientId: al.jia.id, recipientTenant: A, amountFen: 2_571_428 });
    expect(await applyOnce(rewardPostingConsumer, event, d1(CITY), env_, Date.now())).toBe('done');
    expect(await applyOnce(rewardPostingConsumer, event, d1(CITY), env_, Date.now())).toBe('already');
    // Replayed under a new event id: the entry's source key is taken, nothing more is written.
    expect(await applyOnce(rewardPostingConsumer, { ...event, id: newId('evt', Date.now()) }, d1(CITY), env_, Date.now())).toBe('done');
    const entries = (await d1(A).prepare('SELECT kind, source, amount_fen, occurred_on, voucher_no, summary FROM fund_entries WHERE alliance_id = ?').bind(al.jia.id).all()).results;
    expect(entries).toEqual([{ kind: 'income', source: 'allocation', amount_fen: 2_571_428, occurred_on: '2026-12-01', voucher_no: '赤组拨〔2026〕8号', summary: CITY_ROUND.name }]);
    expect((await d1(CITY).prepare('SELECT count(*) AS n FROM fund_entries').first<{ n: number }>())!.n).toBe(0);
    // The county's fund ledger page shows it (its own API, its own database).
    const seen = await json<{ items: CityAwardView[] }>(await call('GET', `/api/t/${A}/rewards/city-awards?year=${year}`, { token: adminA.token }), 200);
    expect(seen.items.find((i) => i.recipientName === '林西县·市奖甲联合体')!.disbursement).toEqual({ status: 'paid', statusLabel: '已拨付', paidOn: '2026-12-01', voucherNo: '赤组拨〔2026〕8号' });
  });

  it('the city rollup counts the city’s awards in each recipient’s county, from the payment’s event', async () => {
    // Both counties' own figures first (the daily recount), then the city's payment event reaches the rollup's consumer.
    await recountCounties(env_, [findTenant(A)!, findTenant(B)!]);
    const row = await d1(CITY).prepare("SELECT * FROM outbox WHERE type = 'reward.disbursed' ORDER BY id DESC LIMIT 1").first<OutboxRecord>();
    expect(await applyOnce(rollupConsumer, toEnvelope(row!, CITY), d1(CITY), env_, Date.now())).toBe('done');
    const rollup = await readCityRollup(env_.DB_CONTROL as D1Database, { now: Date.now() });
    const money = (slug: string) => rollup.counties.find((c) => c.slug === slug)!.figures!.rewards;
    // By hand (above): 林西 甲 2,571,428 + 乙 857,143 allocated, 甲 paid; 敖汉 丙 2,571,429 allocated.
    expect(money(A).bySource.city).toEqual({ allocatedFen: 3_428_571, disbursedFen: 2_571_428 });
    expect(money(B).bySource.city).toEqual({ allocatedFen: 2_571_429, disbursedFen: 0 });
    expect([money(A).allocatedFen - (money(A).bySource.county?.allocatedFen ?? 0), money(A).disbursedFen - (money(A).bySource.county?.disbursedFen ?? 0)]).toEqual([3_428_571, 2_571_428]);
    expect(rollup.city.rewards.bySource.city).toEqual({ allocatedFen: 60_000 * YUAN, disbursedFen: 2_571_428 });
  });

  it('a correction of a city round is a 市级 draft of the city', async () => {
    const c = await json<RoundView>(await call('POST', R(CITY, `/${round.id}/correct`), { token: city.token, body: { reason: '核对考核结果后重新分配' } }), 201);
    expect([c.level, c.status, c.correctsRoundId]).toEqual(['city', 'draft', round.id]);
  });

  // 配套, by hand. 林西's city awards: 甲 2,571,428 分, 乙 857,143 分. At 市县 2:1 (the county matches half):
  // 甲 wants 1,285,714; 乙 428,571.5 → 428,572 (half up); 1,714,286 in all. Budget 10,000.00 元:
  // - scale: 1,000,000 × 1,285,714 / 1,714,286 = 749,999.708… and 1,000,000 × 428,572 / 1,714,286 = 250,000.291…;
  //   floors 749,999 + 250,000 leave 1 分, to the larger remainder (甲): 750,000 and 250,000.
  // - cap_in_order (larger award first): 甲 takes the whole 1,000,000 (short 285,714), 乙 nothing.
  describe('配套 in a county round', () => {
    let draft: RoundView;
    const MATCH = () => ({ cityRoundId: round.id, ratioNum: 1, ratioDen: 2, budgetFen: 10_000 * YUAN, shortfallRule: 'scale' });
    const COUNTY_ROUND = () => ({ name: `${year}年度林西县联合体奖补及配套`, year, subject: 'alliance', budgetFen: 0, method: CITY_ROUND.method, rules: CITY_ROUND.rules, matching: MATCH() });

    it('refuses a city round that does not exist, another subject, or a bad ratio, naming the field', async () => {
      await problem(await call('POST', R(A), { token: adminA.token, body: { ...COUNTY_ROUND(), matching: { ...MATCH(), cityRoundId: 'rwr_nosuchround' } } }), 422, 'validation_failed', 'json.matching.cityRoundId');
      await problem(await call('POST', R(A), { token: adminA.token, body: { ...COUNTY_ROUND(), subject: 'branch' } }), 422, 'validation_failed', 'json.matching.cityRoundId');
      await problem(await call('POST', R(A), { token: adminA.token, body: { ...COUNTY_ROUND(), matching: { ...MATCH(), ratioNum: 0 } } }), 422, 'validation_failed', 'json.matching.ratioNum');
      await problem(await call('POST', R(A), { token: adminA.token, body: { ...COUNTY_ROUND(), matching: { ...MATCH(), shortfallRule: 'first_come' } } }), 422, 'validation_failed', 'json.matching.shortfallRule');
    });

    it('scales a short budget pro rata, each line explained', async () => {
      draft = await json<RoundView>(await call('POST', R(A), { token: adminA.token, body: COUNTY_ROUND() }), 201);
      const t = await json<AllocationTableView>(await call('POST', R(A, `/${draft.id}/simulate`), { token: adminA.token }), 200);
      const m = t.matching!;
      expect([m.cityRoundName, m.cityTotalFen, m.wantedTotalFen, m.matchedTotalFen, m.shortfallTotalFen, m.unusedFen]).toEqual([CITY_ROUND.name, 3_428_571, 1_714_286, 1_000_000, 714_286, 0]);
      expect(m.ruleText).toBe('县级预算不足时，各单位按应配套金额同比例缩减');
      expect(m.lines.map((l) => [l.recipientName, l.cityFen, l.wantedFen, l.matchedFen])).toEqual([
        ['林西县·市奖甲联合体', 2_571_428, 1_285_714, 750_000],
        ['林西县·市奖乙联合体', 857_143, 428_572, 250_000],
      ]);
      const yi = m.lines[1]!;
      expect(yi.steps[0]!.text).toBe('市级奖补 8,571.43 元，按市县 2:1 的比例配套，应配套 4,285.72 元');
      expect(yi.steps.at(-1)!.text).toBe('县级配套 2,500.00 元，差额 1,785.72 元');
      // 敖汉's award is not 林西's to match.
      expect(m.lines.some((l) => l.recipientId === al.bing.id)).toBe(false);
    });

    it('matches in full by rank when the rule says so', async () => {
      draft = await json<RoundView>(await call('PATCH', R(A, `/${draft.id}`), { token: adminA.token, body: { matching: { ...MATCH(), shortfallRule: 'cap_in_order' } }, headers: { 'if-match': `"v${draft.version}"` } }), 200);
      const t = await json<AllocationTableView>(await call('POST', R(A, `/${draft.id}/simulate`), { token: adminA.token }), 200);
      expect(t.matching!.lines.map((l) => [l.matchedFen, l.shortfallFen])).toEqual([
        [1_000_000, 285_714],
        [0, 428_572],
      ]);
      expect(t.matching!.lines[1]!.steps.map((s) => s.text)).toContain('排第 2 位，配套预算已用完');
    });

    it('is frozen with the published round, and the city sees each county’s 配套', async () => {
      await json(await call('POST', R(A, `/${draft.id}/publish`), { token: adminA.token, headers: { 'if-match': `"v${draft.version}"` } }), 200);
      const t = await json<AllocationTableView>(await call('GET', R(A, `/${draft.id}/allocations`), { token: adminA.token }), 200);
      expect(t.matching!.matchedTotalFen).toBe(1_000_000);
      const seen = await json<{ items: CountyMatchingView[] }>(await call('GET', R(CITY, `/${round.id}/county-matching`), { token: city.token }), 200);
      expect(seen.items.map((i) => [i.countyName, i.roundName, i.statusLabel, i.matching?.matchedTotalFen])).toEqual([['林西县', COUNTY_ROUND().name, '已发布', 1_000_000]]);
      expect(seen.items[0]!.ratioText).toBe('市县 2:1（市级奖补每 2 元，县级配套 1 元）');
    });
  });
});
