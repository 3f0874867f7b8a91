import { computeRound, publishedRows } from '@ronghe/rewards';
import { eq } from 'drizzle-orm';
import { insertRows, openDb, newId, writeBatch, type Ctx } from '@ronghe/core';
import { rewardAllocations, rewardDisbursements, rewardRounds, type RewardRound } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { adminCtx } from './activity-factories.ts';
import { bindings } from './worker.ts';

/**
 * A draft round of `tenant`'s branches (以奖代补, issue 12): the general
 * standard of 1,000.00 元 to every 标准化规范化 branch, within 1,000,000.00 元.
 * `simulated` runs the service's simulation (what publishing must match);
 * `published` publishes it as the county administrator would.
 */
export async function makeRound(tenant: string, state: 'draft' | 'simulated' | 'published' = 'draft'): Promise<RewardRound> {
  const now = Date.now();
  const row: RewardRound = {
    id: newId('rwr', now),
    level: 'county',
    year: 2026,
    name: `测试奖补轮次${now % 100000}`,
    subject: 'branch',
    budgetFen: 100_000_000,
    method: { kind: 'base_uplift', baseFen: 100_000, uplifts: [] },
    rules: { eligibility: { anyDesignation: ['standardized'], excludeUnderRectification: true, requireMemberReport: false } },
    status: 'draft',
    correctsRoundId: null,
    note: null,
    lastSimulation: null,
    matching: null,
    matched: null,
    allocatedFen: null,
    recipientCount: null,
    publishedAt: null,
    publishedBy: null,
    createdBy: 'usr_test',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await openDb(bindings[findTenant(tenant)!.binding]!).insert(rewardRounds).values(row);
  if (state === 'draft') return row;
  // What simulating and publishing store, written straight (setup: no audit rows of its own; the API is what the tests exercise).
  const ctx: Ctx = adminCtx(tenant, undefined, 'req_rewards_factory');
  const db = openDb(bindings[findTenant(tenant)!.binding]!);
  const computed = await computeRound(ctx, row);
  await db.update(rewardRounds).set({ lastSimulation: computed.snapshot }).where(eq(rewardRounds.id, row.id));
  if (state === 'simulated') return { ...row, lastSimulation: computed.snapshot };
  const { lines, payments, published } = publishedRows(row, computed, Date.now(), '测试管理员');
  await writeBatch(db, [db.update(rewardRounds).set(published).where(eq(rewardRounds.id, row.id)), ...insertRows(rewardAllocations, lines), ...insertRows(rewardDisbursements, payments)]);
  return { ...row, lastSimulation: computed.snapshot, ...published };
}

/** The planned payments of a published round. */
export async function disbursementsOf(tenant: string, roundId: string): Promise<Array<{ id: string; recipientId: string }>> {
  const rows = await bindings[findTenant(tenant)!.binding]!.prepare('SELECT id, recipient_id AS recipientId FROM reward_disbursements WHERE round_id = ? ORDER BY id').bind(roundId).all<{ id: string; recipientId: string }>();
  return rows.results;
}

/** The rounds every cross-cutting case aims at (issue 12): a draft, a simulated draft, a published round and `orgId`'s payment in it, if it has one. */
export interface RewardsFixture {
  draft: { id: string };
  simulated: { id: string };
  published: { id: string };
  /** The planned payment of `orgId` in the published round. */
  disbursementId: string;
}

export async function makeRewardsFixture(tenant: string, orgId: string): Promise<RewardsFixture> {
  const draft = await makeRound(tenant);
  const simulated = await makeRound(tenant, 'simulated');
  const published = await makePublishedForOne(tenant, orgId);
  return { draft: { id: draft.id }, simulated: { id: simulated.id }, published: { id: published.roundId }, disbursementId: published.disbursementId };
}

/**
 * A published round with one line: 1,000.00 元 to `orgId`, planned for payment.
 * Every cross-cutting case makes a fixture, so the published one does not weigh
 * the whole county (its lines would grow with every fixture the suite makes).
 */
async function makePublishedForOne(tenant: string, orgId: string): Promise<{ roundId: string; disbursementId: string }> {
  const now = Date.now();
  const db = openDb(bindings[findTenant(tenant)!.binding]!);
  const roundId = newId('rwr', now);
  const lineId = newId('rwa', now);
  const disbursementId = newId('rwd', now);
  const amountFen = 100_000;
  const facts = { designations: ['standardized'], underRectification: false, memberReportOk: true };
  const steps = [
    { code: 'eligible', text: '符合本轮奖补条件' },
    { code: 'base', text: '基本金额 1,000.00 元' },
    { code: 'result', text: '奖补 1,000.00 元' },
  ];
  await writeBatch(db, [
    db.insert(rewardRounds).values({
      id: roundId,
      level: 'county',
      year: 2026,
      name: `测试已发布轮次${now % 100000}`,
      subject: 'branch',
      budgetFen: amountFen,
      method: { kind: 'base_uplift', baseFen: amountFen, uplifts: [] },
      rules: { eligibility: { anyDesignation: ['standardized'], excludeUnderRectification: true, requireMemberReport: false } },
      status: 'published',
      lastSimulation: { at: now, budgetFen: amountFen, allocatedFen: amountFen, amounts: { [orgId]: { name: '测试党支部', amountFen } } },
      allocatedFen: amountFen,
      recipientCount: 1,
      publishedAt: now,
      publishedBy: '测试管理员',
      createdBy: 'usr_test',
      createdAt: now,
      updatedAt: now,
      version: 2,
    }),
    db.insert(rewardAllocations).values({ id: lineId, roundId, position: 1, recipientType: 'branch', recipientId: orgId, recipientName: '测试党支部', lineStatus: 'awarded', demandFen: amountFen, amountFen, facts, steps }),
    db.insert(rewardDisbursements).values({ id: disbursementId, allocationId: lineId, roundId, recipientType: 'branch', recipientId: orgId, amountFen }),
  ]);
  return { roundId, disbursementId };
}
