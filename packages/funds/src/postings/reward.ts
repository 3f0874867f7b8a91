import { newId, type Ctx, type Statement } from '@ronghe/core';
import { rewardSourceKey } from '../read.ts';
import { entriesAudit, entriesInsert } from '../shared/write.ts';

/** A reward round's disbursement paid to an alliance (以奖代补), as the rewards capability's event names it. */
export interface RewardPosting {
  disbursementId: string;
  allianceId: string;
  amountFen: number;
  /** Asia/Shanghai date it was paid. */
  paidOn: string;
  voucherNo: string | null;
  /** 摘要, e.g. 「2026年度以奖代补（区级）」. */
  summary: string;
}

/**
 * The statements that post a paid disbursement to the alliance's ledger as
 * 上级拨, for an event consumer to run in its own batch (with its
 * consumed-events row). Idempotent by construction: the entry's source key is
 * `reward:<disbursement id>` (unique), so a redelivered or replayed event
 * writes no second entry — and, the audit row being read from the entry just
 * written, no second audit row or event either. An alliance whose books are
 * closed (dissolved, or not yet formed) gets nothing posted.
 */
export function rewardPostingStatements(ctx: Ctx, p: RewardPosting): Statement[] {
  if (!Number.isSafeInteger(p.amountFen) || p.amountFen <= 0) return [];
  const id = newId('fle', ctx.clock.now());
  return [
    entriesInsert(ctx, p.allianceId, [
      {
        id,
        allianceId: p.allianceId,
        kind: 'income',
        source: 'allocation',
        amountFen: p.amountFen,
        projectId: null,
        orgId: null,
        callId: null,
        contributionBp: null,
        occurredOn: p.paidOn,
        voucherNo: p.voucherNo,
        summary: p.summary.slice(0, 200),
        reversesId: null,
        reason: null,
        sourceKey: rewardSourceKey(p.disbursementId),
      },
    ]),
    entriesAudit(ctx, 'fund.reward_post', [id]),
  ];
}
