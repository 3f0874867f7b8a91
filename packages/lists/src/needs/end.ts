import { AppError, type Ctx } from '@ronghe/core';
import { type NeedStatus, type NeedView } from '@ronghe/schema';
import { mayOn } from '../shared/alliance.ts';
import { getNeed } from './get.ts';
import { loadForWrite, guardedUpdate } from './write-guards.ts';

/** 撤回 (the raiser or the alliance) or 关闭 (the alliance): only while nothing is promised or under way. */
export async function endNeed({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; reason: string; as: 'withdraw' | 'close' } }): Promise<NeedView> {
  const { row, a } = await loadForWrite(ctx, input.id, input.expectedVersion);
  const n = row.n;
  if (input.as === 'close' && !mayOn(ctx, 'need.manage', a, null)) throw new AppError('forbidden', '只有联合体牵头党组织或组织部管理员可以关闭需求');
  if (n.committedQty + n.inDeliveryQty > 0) {
    throw new AppError('conflict', `需求还有 ${n.committedQty + n.inDeliveryQty}${n.unit}已承诺或正在实施，请先在相关项目中处理`);
  }
  if (input.as === 'withdraw' && n.fulfilledQty > 0) throw new AppError('conflict', '需求已部分满足，不能撤回；如不再需要，请由联合体关闭');
  if (input.as === 'close' && n.status === 'met') throw new AppError('conflict', '需求已满足，无需关闭');
  const status: NeedStatus = input.as === 'withdraw' ? 'cancelled' : 'closed';
  await guardedUpdate(ctx, n, { status, closedReason: input.reason }, `need.${input.as}`, { status: n.status }, { status, reason: input.reason });
  return getNeed({ ctx, input: { id: n.id } });
}
