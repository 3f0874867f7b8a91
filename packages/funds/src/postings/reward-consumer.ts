import { openDb, prepareStatements, systemClock, type Ctx } from '@ronghe/core';
import type { Consumer, EventEnvelope } from '@ronghe/events';
import { disbursementForPosting } from '@ronghe/rewards/read';
import { findTenant } from '@ronghe/tenancy';
import { rewardPostingStatements } from './reward.ts';

/** 摘要 when the round's name cannot be read. */
export const REWARD_POSTING_SUMMARY = '以奖代补资金';

interface Disbursed {
  disbursementId: string;
  roundId: string;
  recipientType: string;
  recipientId: string;
  /** A city round's payment: the county whose alliance it is (ADR 0025); null for a county's own round. */
  recipientTenant?: string | null;
  amountFen: number;
  paidOn: string;
}

function disbursed(data: unknown): Disbursed | null {
  const d = data as Partial<Disbursed> | null;
  if (!d || typeof d.disbursementId !== 'string' || typeof d.recipientType !== 'string' || typeof d.recipientId !== 'string') return null;
  if (typeof d.amountFen !== 'number' || typeof d.paidOn !== 'string') return null;
  return d as Disbursed;
}

/**
 * 以奖代补 → 经费保障 (seed 000 11.2.2: 上级拨 includes reward rounds): a disbursement paid to an alliance is
 * posted to that alliance's fund ledger as 上级拨, with the round's name as 摘要 and the payment's voucher.
 * A branch recipient posts nothing: a party branch has no alliance ledger (the ledger is kept per alliance).
 * Idempotent by event id (the dispatcher's consumed_events row in the same batch) and by the entry's source key
 * `reward:<disbursement id>` (unique), so a replay writes no second entry.
 *
 * A city round's payment (ADR 0025) is paid in the city's database but belongs to the ledger of an alliance in
 * its county: the entry (and its audit row and event) is written in that county's database in a batch of its
 * own, before the dispatcher marks the event consumed in the city's. A redelivery after a failure between the
 * two finds the source key taken and writes nothing: still exactly once.
 */
export const rewardPostingConsumer: Consumer = {
  name: 'funds.reward_posting',
  types: ['reward.disbursed'],
  async handle(event: EventEnvelope, { db, env }) {
    const d = disbursed(event.data);
    if (!d || d.recipientType !== 'alliance') return [];
    const ctxOf = (slug: string, d1: D1Database): Ctx => {
      const tenant = findTenant(slug);
      return {
        db: openDb(d1),
        tenant: { slug, code: tenant?.code ?? '', name: tenant?.name ?? slug, kind: tenant?.kind ?? 'county' },
        actor: { userId: 'system', displayName: '以奖代补', grants: [] },
        clock: systemClock,
        requestId: event.requestId,
      };
    };
    const read = await disbursementForPosting(ctxOf(event.tenant, db), d.disbursementId);
    const posting = {
      disbursementId: d.disbursementId,
      allianceId: d.recipientId,
      amountFen: d.amountFen,
      paidOn: d.paidOn,
      voucherNo: read?.voucherNo ?? null,
      summary: read?.roundName || REWARD_POSTING_SUMMARY,
    };
    const county = d.recipientTenant && d.recipientTenant !== event.tenant ? findTenant(d.recipientTenant) : undefined;
    if (d.recipientTenant && d.recipientTenant !== event.tenant) {
      const target = county ? (env[county.binding] as D1Database | undefined) : undefined;
      if (!county || !target) throw new Error(`reward.disbursed: unknown county ${d.recipientTenant}`);
      const statements = rewardPostingStatements(ctxOf(county.slug, target), posting);
      if (statements.length) await target.batch(prepareStatements(target, statements));
      return [];
    }
    const statements = rewardPostingStatements(ctxOf(event.tenant, db), posting);
    return prepareStatements(db, statements);
  },
};
