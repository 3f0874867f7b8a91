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
 */
export const rewardPostingConsumer: Consumer = {
  name: 'funds.reward_posting',
  types: ['reward.disbursed'],
  async handle(event: EventEnvelope, { db }) {
    const d = disbursed(event.data);
    if (!d || d.recipientType !== 'alliance') return [];
    const tenant = findTenant(event.tenant);
    const ctx: Ctx = {
      db: openDb(db),
      tenant: { slug: event.tenant, code: tenant?.code ?? '', name: tenant?.name ?? event.tenant, kind: tenant?.kind ?? 'county' },
      actor: { userId: 'system', displayName: '以奖代补', grants: [] },
      clock: systemClock,
      requestId: event.requestId,
    };
    const read = await disbursementForPosting(ctx, d.disbursementId);
    const statements = rewardPostingStatements(ctx, {
      disbursementId: d.disbursementId,
      allianceId: d.recipientId,
      amountFen: d.amountFen,
      paidOn: d.paidOn,
      voucherNo: read?.voucherNo ?? null,
      summary: read?.roundName || REWARD_POSTING_SUMMARY,
    });
    return prepareStatements(db, statements);
  },
};
