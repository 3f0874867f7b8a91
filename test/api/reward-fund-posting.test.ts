import { insertRows, newId, openDb, writeBatch } from '@ronghe/core';
import { rewardPostingConsumer } from '@ronghe/funds';
import { applyOnce, toEnvelope, type OutboxRecord } from '@ronghe/events';
import { rewardAllocations, rewardDisbursements, rewardRounds, type RewardRound } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { makeAlliance } from '../support/alliance-factories.ts';
import { call, makeOrg, makeUser } from '../support/factories.ts';
import { bindings } from '../support/worker.ts';


// 以奖代补 → 经费保障 (seed 000 11.2.2: 上级拨 includes the reward rounds): a paid disbursement to an alliance
// becomes one 上级拨 entry on its ledger, however often the event arrives; a branch's payment posts nothing.
const T = 'ningcheng';
const d1 = () => bindings[findTenant(T)!.binding]!;
const env = bindings as unknown as Record<string, unknown>;

/** A published round of one line with its planned payment (written straight), paid through the API: the event the service writes. */
async function paidDisbursement(recipientType: 'alliance' | 'branch', recipientId: string, amountFen: number) {
  const now = Date.now();
  const round: RewardRound = {
    id: newId('rwr', now),
    level: 'county',
    year: 2025,
    name: '2025年度联合体以奖代补（县级）',
    subject: recipientType,
    budgetFen: amountFen,
    method: { kind: 'tiered', tiers: [] },
    rules: {},
    status: 'published',
    correctsRoundId: null,
    note: null,
    lastSimulation: null,
    matching: null,
    matched: null,
    allocatedFen: amountFen,
    recipientCount: 1,
    publishedAt: now,
    publishedBy: '测试管理员',
    createdBy: 'usr_test',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const allocationId = newId('rwa', now);
  const disbursementId = newId('rwd', now);
  const db = openDb(d1());
  await writeBatch(db, [
    ...insertRows(rewardRounds, [round]),
    ...insertRows(rewardAllocations, [{ id: allocationId, roundId: round.id, position: 1, recipientType, recipientId, recipientName: '获奖者', lineStatus: 'awarded', demandFen: amountFen, amountFen, facts: {}, steps: [] }]),
    ...insertRows(rewardDisbursements, [{ id: disbursementId, allocationId, roundId: round.id, recipientType, recipientId, amountFen, status: 'planned', paidOn: null, voucherNo: null, paidBy: null, paidAt: null, version: 1 }]),
  ]);
  const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  const res = await call('POST', `/api/t/${T}/rewards/disbursements/${disbursementId}/pay`, { token: admin.token, body: { paidOn: '2026-03-18', voucherNo: '宁财拨〔2026〕17号' } });
  expect(res.status, await res.clone().text()).toBe(200);
  const row = await d1().prepare("SELECT * FROM outbox WHERE aggregate_id = ? AND type = 'reward.disbursed'").bind(disbursementId).first<OutboxRecord>();
  const event = toEnvelope(row!, T);
  expect(event.data).toEqual({ disbursementId, roundId: round.id, recipientType, recipientId, recipientTenant: null, amountFen, paidOn: '2026-03-18' });
  return { event, disbursementId };
}

const entriesOf = async (allianceId: string) =>
  (await d1().prepare('SELECT kind, source, amount_fen, occurred_on, voucher_no, summary, source_key FROM fund_entries WHERE alliance_id = ?').bind(allianceId).all()).results;

describe('reward.disbursed → the alliance fund ledger', () => {
  it('an alliance’s paid disbursement is posted once as 上级拨, with the round’s name and the voucher', async () => {
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const lead = await makeOrg(T, { parent: committee, name: '奖补入账社区党委' });
    const a = await makeAlliance(T, { lead, committee, name: '奖补入账联合体' });
    const { event, disbursementId } = await paidDisbursement('alliance', a.alliance.id, 12_345_678);
    expect(await applyOnce(rewardPostingConsumer, event, d1(), env, Date.now())).toBe('done');
    expect(await applyOnce(rewardPostingConsumer, event, d1(), env, Date.now())).toBe('already');
    expect(await entriesOf(a.alliance.id)).toEqual([
      { kind: 'income', source: 'allocation', amount_fen: 12_345_678, occurred_on: '2026-03-18', voucher_no: '宁财拨〔2026〕17号', summary: '2025年度联合体以奖代补（县级）', source_key: `reward:${disbursementId}` },
    ]);
    // The same payment announced again under another event id (a replay) writes nothing more.
    expect(await applyOnce(rewardPostingConsumer, { ...event, id: newId('evt', Date.now()) }, d1(), env, Date.now())).toBe('done');
    expect(await entriesOf(a.alliance.id)).toHaveLength(1);
    const audit = (await d1().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'fund.reward_post' AND entity_id IN (SELECT id FROM fund_entries WHERE alliance_id = ?)").bind(a.alliance.id).first<{ n: number }>())!.n;
    expect(audit).toBe(1);
  });

  it('a branch’s payment posts nothing: a branch has no alliance ledger', async () => {
    const branch = await makeOrg(T, { domain: '机关', kind: '党支部' });
    const { event } = await paidDisbursement('branch', branch.id, 100_000);
    const before = (await d1().prepare('SELECT count(*) AS n FROM fund_entries').first<{ n: number }>())!.n;
    expect(await applyOnce(rewardPostingConsumer, event, d1(), env, Date.now())).toBe('done');
    expect((await d1().prepare('SELECT count(*) AS n FROM fund_entries').first<{ n: number }>())!.n).toBe(before);
  });
});
