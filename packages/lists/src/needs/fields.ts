import { AppError, newId, type Ctx, type FieldError } from '@ronghe/core';
import { type Need, type NeedCreateInput } from '@ronghe/schema';
import { currentMemberIds, mayOn, type AllianceRef } from '../shared/alliance.ts';
import { categoryErrors } from '../categories/lookup.ts';
import { today } from '../shared/dates.ts';
import { placeErrors } from '../places/rules.ts';

/** The checks a need's fields must pass against the tenant: category, place, raising organization, deadline. */
export async function fieldErrors(
  ctx: Ctx,
  a: AllianceRef,
  v: Partial<Pick<NeedCreateInput, 'categoryId' | 'streetCode' | 'communityCode' | 'raisedByOrgId' | 'deadline'>>,
  opts: { checkDeadline: boolean },
): Promise<FieldError[]> {
  const errors: FieldError[] = [...(await categoryErrors(ctx, v.categoryId)), ...placeErrors(ctx, v)];
  if (v.raisedByOrgId) {
    const members = await currentMemberIds(ctx, a.id);
    if (!members.has(v.raisedByOrgId)) errors.push({ path: 'body.raisedByOrgId', message: '提出单位须为该联合体的现有成员单位' });
  }
  if (opts.checkDeadline && v.deadline && v.deadline < today(ctx)) errors.push({ path: 'body.deadline', message: `截止日期不能早于今天（${today(ctx)}）` });
  return errors;
}

export function assertMayRaise(ctx: Ctx, a: AllianceRef, raisedByOrgId: string | null | undefined): void {
  if (!mayOn(ctx, 'need.create', a, raisedByOrgId ?? null)) {
    throw new AppError('forbidden', '只有联合体牵头党组织、审批的上级党(工)委、组织部管理员，或成员单位为本单位，可以登记需求');
  }
}

/** The row a valid create input makes; shared with the Excel import. */
export function needRow(ctx: Ctx, input: NeedCreateInput, extra: { apiKeyId?: string | null } = {}): Need {
  const now = ctx.clock.now();
  return {
    id: newId('ned', now),
    allianceId: input.allianceId,
    title: input.title,
    description: input.description ?? null,
    source: input.source,
    categoryId: input.categoryId,
    quantity: input.quantity,
    unit: input.unit,
    streetCode: input.streetCode ?? null,
    communityCode: input.communityCode ?? null,
    gridName: input.gridName ?? null,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    urgency: input.urgency,
    deadline: input.deadline,
    raisedByOrgId: input.raisedByOrgId ?? null,
    raiserName: input.raiserName ?? null,
    raiserPhone: input.raiserPhone ?? null,
    apiKeyId: extra.apiKeyId ?? null,
    committedQty: 0,
    inDeliveryQty: 0,
    fulfilledQty: 0,
    status: 'open',
    closedReason: null,
    version: 1,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}
