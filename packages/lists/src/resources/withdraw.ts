import { type Ctx } from '@ronghe/core';
import { type ResourceView } from '@ronghe/schema';
import { getResource } from './get.ts';
import { loadForWrite, guardedUpdate } from './write-guards.ts';

/** 撤回: what is already promised stays promised; the rest is no longer offered. */
export async function withdrawResource({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; reason: string } }): Promise<ResourceView> {
  const row = await loadForWrite(ctx, input.id, input.expectedVersion);
  await guardedUpdate(ctx, row.r, { status: 'withdrawn' }, 'resource.withdraw', { status: row.r.status }, { status: 'withdrawn', reason: input.reason });
  return getResource({ ctx, input: { id: row.r.id } });
}
