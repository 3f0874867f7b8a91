import { sql } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import type { AllocationState } from '@ronghe/schema';

// Quantity moves as relative UPDATEs. SQLite evaluates every SET expression
// against the row as it was, so the status CASE repeats the deltas; the CHECK
// constraints on the tables refuse any result that goes negative or exceeds
// what was asked or offered, whatever else ran in between.

export interface NeedDelta {
  committed?: number;
  inDelivery?: number;
  fulfilled?: number;
}

/** Which bucket of a need an allocation in this state occupies. */
export function bucketOf(state: AllocationState): keyof NeedDelta | null {
  if (state === 'committed') return 'committed';
  if (state === 'in_delivery') return 'inDelivery';
  if (state === 'fulfilled') return 'fulfilled';
  return null;
}

export function needQuantityUpdate(ctx: Ctx, needId: string, d: NeedDelta) {
  const c = d.committed ?? 0;
  const i = d.inDelivery ?? 0;
  const f = d.fulfilled ?? 0;
  return sql`UPDATE needs SET
      committed_qty = committed_qty + ${c},
      in_delivery_qty = in_delivery_qty + ${i},
      fulfilled_qty = fulfilled_qty + ${f},
      status = CASE
        WHEN status IN ('closed', 'cancelled') THEN status
        WHEN fulfilled_qty + ${f} >= quantity THEN 'met'
        WHEN committed_qty + ${c} + in_delivery_qty + ${i} + fulfilled_qty + ${f} > 0 THEN 'partly_met'
        ELSE 'open' END,
      version = version + 1,
      updated_at = ${ctx.clock.now()}
    WHERE id = ${needId}`;
}

export function resourceQuantityUpdate(ctx: Ctx, resourceId: string, delta: number) {
  return sql`UPDATE resources SET
      allocated_qty = allocated_qty + ${delta},
      status = CASE
        WHEN status = 'withdrawn' THEN status
        WHEN allocated_qty + ${delta} >= capacity THEN 'exhausted'
        ELSE 'available' END,
      version = version + 1,
      updated_at = ${ctx.clock.now()}
    WHERE id = ${resourceId}`;
}

/** Allocations of a project moving from one state to another, with the matching need moves. */
export function moveAllocations(
  ctx: Ctx,
  rows: ReadonlyArray<{ id: string; needId: string; resourceId: string | null; quantity: number; state: AllocationState }>,
  to: AllocationState,
) {
  const stmts = [];
  const perNeed = new Map<string, NeedDelta>();
  const perResource = new Map<string, number>();
  const ids: string[] = [];
  for (const r of rows) {
    if (r.state === to || r.state === 'released' || r.state === 'fulfilled') continue;
    ids.push(r.id);
    const d = perNeed.get(r.needId) ?? {};
    const from = bucketOf(r.state);
    if (from) d[from] = (d[from] ?? 0) - r.quantity;
    const into = bucketOf(to);
    if (into) d[into] = (d[into] ?? 0) + r.quantity;
    perNeed.set(r.needId, d);
    if (to === 'released' && r.resourceId) perResource.set(r.resourceId, (perResource.get(r.resourceId) ?? 0) - r.quantity);
  }
  if (!ids.length) return [];
  stmts.push(
    sql`UPDATE allocations SET state = ${to}, updated_at = ${ctx.clock.now()} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  for (const [needId, d] of [...perNeed].sort(([a], [b]) => a.localeCompare(b))) stmts.push(needQuantityUpdate(ctx, needId, d));
  for (const [resId, d] of [...perResource].sort(([a], [b]) => a.localeCompare(b))) stmts.push(resourceQuantityUpdate(ctx, resId, d));
  return stmts;
}
