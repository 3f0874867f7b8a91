import { AppError, type Ctx } from '@ronghe/core';
import { needs, type Need } from '@ronghe/schema';
import { guardedListUpdate } from '../shared/writes.ts';
import { isFinal, mayEdit, refOf, findNeedRow } from './view.ts';

export async function loadForWrite(ctx: Ctx, id: string, expectedVersion: number) {
  const row = await findNeedRow(ctx, id);
  const a = refOf(row);
  if (!mayEdit(ctx, a, row.n)) throw new AppError('forbidden', '只有联合体牵头党组织、审批的上级党(工)委、组织部管理员或提出需求的成员单位可以修改此需求');
  if (isFinal(row.n.status)) throw new AppError('conflict', `需求已${row.n.status === 'closed' ? '关闭' : '撤回'}，不能再修改`);
  if (row.n.version !== expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  return { row, a };
}

export function guardedUpdate(ctx: Ctx, n: Need, set: Partial<Need>, action: string, before: unknown, after: unknown) {
  return guardedListUpdate(ctx, needs, n, set, { action, entityType: 'need', before, after });
}
