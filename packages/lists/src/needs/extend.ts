import { AppError, type Ctx } from '@ronghe/core';
import { type NeedView } from '@ronghe/schema';
import { mayOn } from '../shared/alliance.ts';
import { today } from '../shared/dates.ts';
import { getNeed } from './get.ts';
import { isOverdueNeed } from './overdue.ts';
import { loadForWrite, guardedUpdate } from './write-guards.ts';

/**
 * 延长截止日期, the other answer of the overdue review (the first is 关闭 with
 * a reason): the alliance decides the need still stands and gives it a new
 * date, so it takes part in matching again. The reason is kept in the audit
 * row; the new date must not already be past (Asia/Shanghai).
 */
export async function extendNeedDeadline({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; deadline: string; reason: string } }): Promise<NeedView> {
  const { row, a } = await loadForWrite(ctx, input.id, input.expectedVersion);
  const n = row.n;
  if (!mayOn(ctx, 'need.manage', a, null)) throw new AppError('forbidden', '只有联合体牵头党组织或组织部管理员可以延长需求的截止日期');
  if (n.status !== 'open' && n.status !== 'partly_met') throw new AppError('conflict', '需求已满足，无需延长截止日期');
  const t = today(ctx);
  if (input.deadline < t) {
    throw new AppError('validation_failed', '新的截止日期不能早于今天', { errors: [{ path: 'body.deadline', message: `新的截止日期不能早于今天（${t}）` }] });
  }
  if (input.deadline <= n.deadline) {
    throw new AppError('validation_failed', '新的截止日期须晚于原截止日期', { errors: [{ path: 'body.deadline', message: `新的截止日期须晚于原截止日期（${n.deadline}）` }] });
  }
  await guardedUpdate(ctx, n, { deadline: input.deadline }, 'need.extend', { deadline: n.deadline, overdue: isOverdueNeed(n, t) }, { deadline: input.deadline, reason: input.reason });
  return getNeed({ ctx, input: { id: n.id } });
}
