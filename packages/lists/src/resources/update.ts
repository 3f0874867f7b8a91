import { type Ctx } from '@ronghe/core';
import { type Resource, type ResourceUpdateInput, type ResourceView } from '@ronghe/schema';
import { refuseFields } from '../shared/writes.ts';
import { resourceStatusOf } from './status.ts';
import { getResource } from './get.ts';
import { fieldErrors } from './fields.ts';
import { loadForWrite, guardedUpdate } from './write-guards.ts';

export async function updateResource({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: ResourceUpdateInput } }): Promise<ResourceView> {
  const row = await loadForWrite(ctx, input.id, input.expectedVersion);
  const r = row.r;
  const p = input.patch;
  const errors = await fieldErrors(ctx, {
    categoryId: p.categoryId,
    // A changed place is checked as it will be after the change.
    ...(p.streetCode !== undefined || p.communityCode !== undefined
      ? { streetCode: p.streetCode !== undefined ? p.streetCode : r.streetCode, communityCode: p.communityCode !== undefined ? p.communityCode : r.communityCode }
      : {}),
  });
  if (p.capacity !== undefined && p.capacity < r.allocatedQty) errors.push({ path: 'body.capacity', message: `可提供数量不能少于已对接的数量（${r.allocatedQty}${r.unit}）` });
  const from = p.availableFrom !== undefined ? p.availableFrom : r.availableFrom;
  const to = p.availableTo !== undefined ? p.availableTo : r.availableTo;
  if (from && to && from > to) errors.push({ path: 'body.availableTo', message: '可用结束日期不能早于开始日期' });
  refuseFields(errors);
  const next = { ...r, ...p } as Resource;
  const before = Object.fromEntries(Object.keys(p).map((k) => [k, (r as Record<string, unknown>)[k]]));
  await guardedUpdate(ctx, r, { ...(p as Partial<Resource>), status: resourceStatusOf(next) }, 'resource.update', before, p);
  return getResource({ ctx, input: { id: r.id } });
}
