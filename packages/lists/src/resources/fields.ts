import { AppError, newId, type Ctx, type FieldError } from '@ronghe/core';
import { type Resource, type ResourceCreateInput } from '@ronghe/schema';
import { categoryErrors } from '../categories/lookup.ts';
import { currentMemberIds, type AllianceRef } from '../shared/alliance.ts';
import { placeErrors } from '../places/rules.ts';
import { mayEdit } from './view.ts';

export async function fieldErrors(ctx: Ctx, v: Partial<Pick<ResourceCreateInput, 'categoryId' | 'streetCode' | 'communityCode'>>): Promise<FieldError[]> {
  return [...(await categoryErrors(ctx, v.categoryId)), ...placeErrors(ctx, v)];
}

export function assertMayOffer(ctx: Ctx, a: AllianceRef, offeringOrgId: string): void {
  if (!mayEdit(ctx, a, offeringOrgId)) throw new AppError('forbidden', '只有提供资源的成员单位、联合体牵头党组织或组织部管理员可以登记和修改资源');
}

export function resourceRow(ctx: Ctx, input: ResourceCreateInput): Resource {
  const now = ctx.clock.now();
  return {
    id: newId('res', now),
    allianceId: input.allianceId,
    offeringOrgId: input.offeringOrgId,
    title: input.title,
    description: input.description ?? null,
    kind: input.kind,
    categoryId: input.categoryId,
    capacity: input.capacity,
    unit: input.unit,
    allocatedQty: 0,
    streetCode: input.streetCode ?? null,
    communityCode: input.communityCode ?? null,
    gridName: input.gridName ?? null,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    scope: input.scope,
    radiusM: input.radiusM ?? null,
    availableFrom: input.availableFrom ?? null,
    availableTo: input.availableTo ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    status: 'available',
    version: 1,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

export async function offeringErrors(ctx: Ctx, a: AllianceRef, offeringOrgId: string): Promise<FieldError[]> {
  const members = await currentMemberIds(ctx, a.id);
  return members.has(offeringOrgId) ? [] : [{ path: 'body.offeringOrgId', message: '提供单位须为该联合体的现有成员单位' }];
}
