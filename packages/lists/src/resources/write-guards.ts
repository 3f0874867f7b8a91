import { AppError, type Ctx } from '@ronghe/core';
import { resources, type Resource } from '@ronghe/schema';
import { guardedListUpdate } from '../shared/writes.ts';
import { mayEdit, refOf, findRow } from './view.ts';

export async function loadForWrite(ctx: Ctx, id: string, expectedVersion: number) {
  const row = await findRow(ctx, id);
  if (!mayEdit(ctx, refOf(row), row.r.offeringOrgId)) throw new AppError('forbidden', '只有提供资源的成员单位、联合体牵头党组织或组织部管理员可以修改此资源');
  if (row.r.status === 'withdrawn') throw new AppError('conflict', '资源已撤回，不能再修改');
  if (row.r.version !== expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  return row;
}

export function guardedUpdate(ctx: Ctx, r: Resource, set: Partial<Resource>, action: string, before: unknown, after: unknown) {
  return guardedListUpdate(ctx, resources, r, set, { action, entityType: 'resource', before, after });
}
