import { type Ctx } from '@ronghe/core';
import { type Need, type NeedUpdateInput, type NeedView } from '@ronghe/schema';
import { mayOn } from '../shared/alliance.ts';
import { refuseFields } from '../shared/writes.ts';
import { needStatusOf } from './status.ts';
import { getNeed } from './get.ts';
import { fieldErrors } from './fields.ts';
import { loadForWrite, guardedUpdate } from './write-guards.ts';

export async function updateNeed({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: NeedUpdateInput } }): Promise<NeedView> {
  const { row, a } = await loadForWrite(ctx, input.id, input.expectedVersion);
  const n = row.n;
  const p = input.patch;
  const errors = await fieldErrors(
    ctx,
    a,
    {
      categoryId: p.categoryId,
      // A changed place is checked as it will be after the change.
      ...(p.streetCode !== undefined || p.communityCode !== undefined
        ? { streetCode: p.streetCode !== undefined ? p.streetCode : n.streetCode, communityCode: p.communityCode !== undefined ? p.communityCode : n.communityCode }
        : {}),
      raisedByOrgId: p.raisedByOrgId ?? undefined,
      deadline: p.deadline,
    },
    { checkDeadline: p.deadline !== undefined },
  );
  const used = n.committedQty + n.inDeliveryQty + n.fulfilledQty;
  if (p.quantity !== undefined && p.quantity < used) errors.push({ path: 'body.quantity', message: `数量不能少于已承诺、实施中和已满足的合计（${used}${n.unit}）` });
  if (p.raisedByOrgId !== undefined && p.raisedByOrgId !== n.raisedByOrgId && !mayOn(ctx, 'need.create', a, p.raisedByOrgId)) {
    errors.push({ path: 'body.raisedByOrgId', message: '不能把需求改到您无权代表的单位名下' });
  }
  refuseFields(errors);
  const next = { ...n, ...p } as Need;
  const set: Partial<Need> = { ...(p as Partial<Need>), status: needStatusOf(next) };
  await guardedUpdate(ctx, n, set, 'need.update', pick(n, Object.keys(p)), p);
  return getNeed({ ctx, input: { id: n.id } });
}

function pick<T extends object>(o: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]])) as Partial<T>;
}
