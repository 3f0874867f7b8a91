import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError, auditGuarded, isStaleGuardError, newId, writeBatch, type Ctx } from '@ronghe/core';
import { serviceLogs, type MyPostsView } from '@ronghe/schema';
import { ownClaim } from './claim.ts';
import { fieldError, requireSelf, today } from './shared.ts';
import { myPostsOf } from './views.ts';

export const DAY_MINUTES = 24 * 60;

/**
 * A member logs service on their approved claim: a date from the claim's day
 * to today, minutes, what was done. One person's service on one day never
 * adds up past 24 hours (rejected records aside); the INSERT itself checks
 * the day's sum, so two records sent at once cannot pass it together.
 */
export async function logService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { claimId: string; serviceDate: string; minutes: number; description: string };
}): Promise<MyPostsView> {
  const me = await requireSelf(ctx);
  const claim = await ownClaim(ctx, me.id, input.claimId);
  if (claim.status !== 'approved') throw new AppError('conflict', '领岗经设岗单位同意后才能登记服务');
  const on = today(ctx);
  if (input.serviceDate > on) throw fieldError('body.serviceDate', '服务日期不能晚于今天');
  if (input.serviceDate < claim.claimedOn) throw fieldError('body.serviceDate', `服务日期不能早于领岗日期 ${claim.claimedOn}`);
  const [{ used } = { used: 0 }] = await ctx.db
    .select({ used: sql<number>`coalesce(sum(${serviceLogs.minutes}), 0)` })
    .from(serviceLogs)
    .where(and(eq(serviceLogs.personId, me.id), eq(serviceLogs.serviceDate, input.serviceDate), ne(serviceLogs.status, 'rejected')));
  if (used + input.minutes > DAY_MINUTES) throw fieldError('body.minutes', `当天已登记 ${used} 分钟，一天的服务合计不能超过 24 小时`);
  const now = ctx.clock.now();
  const id = newId('svc', now);
  try {
    await writeBatch(ctx.db, [
      sql`INSERT INTO service_logs (id, claim_id, post_id, person_id, service_date, minutes, description, status, created_at)
          SELECT ${id}, ${claim.id}, ${claim.postId}, ${me.id}, ${input.serviceDate}, ${input.minutes}, ${input.description}, 'logged', ${now}
          WHERE EXISTS (SELECT 1 FROM post_claims WHERE id = ${claim.id} AND status = 'approved')
            AND (SELECT coalesce(sum(minutes), 0) FROM service_logs WHERE person_id = ${me.id} AND service_date = ${input.serviceDate} AND status <> 'rejected') + ${input.minutes} <= ${DAY_MINUTES}`,
      auditGuarded(ctx, {
        action: 'service.log',
        entityType: 'service_log',
        entityId: id,
        after: { serviceLogId: id, claimId: claim.id, postId: claim.postId, personId: me.id, serviceDate: input.serviceDate, minutes: input.minutes, description: input.description, status: 'logged' },
      }),
    ]);
  } catch (err) {
    if (isStaleGuardError(err)) throw fieldError('body.minutes', '当天的服务合计超过 24 小时，或领岗已不在有效状态', 'conflict');
    throw err;
  }
  return myPostsOf(ctx, me.id, me.name);
}
