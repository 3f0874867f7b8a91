import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, notFound, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { DISBURSEMENT_STATUS_LABELS, rewardDisbursements, type DisbursementView } from '@ronghe/schema';

/**
 * Record a planned disbursement as paid, with its date and voucher number
 * (拨付). Once: a second record of the same payment is 409, and two at once
 * let one win (the status guard in the UPDATE).
 */
export async function payDisbursement({ ctx, input }: { ctx: Ctx; input: { id: string; paidOn: string; voucherNo: string } }): Promise<DisbursementView> {
  const d = await ctx.db.select().from(rewardDisbursements).where(eq(rewardDisbursements.id, input.id)).get();
  if (!d) throw notFound('拨付记录');
  if (d.status === 'paid') throw new AppError('conflict', `该笔奖补已于 ${d.paidOn} 拨付（凭证号 ${d.voucherNo}），不能重复登记`);
  const now = ctx.clock.now();
  const paid = { status: 'paid' as const, paidOn: input.paidOn, voucherNo: input.voucherNo, paidBy: ctx.actor.displayName, paidAt: now, version: d.version + 1 };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(rewardDisbursements)
        .set(paid)
        .where(and(eq(rewardDisbursements.id, d.id), eq(rewardDisbursements.status, 'planned'))),
      auditGuarded(ctx, {
        action: 'reward_disbursement.pay',
        entityType: 'reward_disbursement',
        entityId: d.id,
        before: { status: 'planned' },
        after: { status: 'paid', roundId: d.roundId, recipientType: d.recipientType, recipientId: d.recipientId, ...(d.recipientTenant ? { recipientTenant: d.recipientTenant } : {}), amountFen: d.amountFen, paidOn: input.paidOn, voucherNo: input.voucherNo },
      }),
    ]),
  );
  const v = { ...d, ...paid };
  return { id: v.id, roundId: v.roundId, recipientId: v.recipientId, amountFen: v.amountFen, status: v.status, statusLabel: DISBURSEMENT_STATUS_LABELS[v.status], paidOn: v.paidOn, voucherNo: v.voucherNo, version: v.version };
}
