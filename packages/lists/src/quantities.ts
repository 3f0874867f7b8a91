import { sql } from 'drizzle-orm';
import { newId, type Ctx, type FieldError } from '@ronghe/core';
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

/** An allocation still promised (committed or in delivery): what a completion report is split over. */
const isLive = (state: AllocationState) => state === 'committed' || state === 'in_delivery';

type LiveRow = { id: string; quantity: number; state: AllocationState };

/**
 * How much of each promised allocation a completion report delivered (seed
 * 000 6.4: acceptance fulfils what was delivered, the rest returns to the
 * need). One allocation takes the total, capped at what it promised (a project
 * may serve more than the list asked for). Several allocations need the
 * report per allocation, unless the total covers everything promised.
 * Field errors name the body path; an empty map means nothing is promised.
 */
export function splitDelivered(
  total: number,
  rows: readonly LiveRow[],
  breakdown?: ReadonlyArray<{ id: string; deliveredQty: number }>,
): { delivered: Map<string, number>; errors: FieldError[] } {
  const live = rows.filter((r) => isLive(r.state));
  const delivered = new Map<string, number>();
  const errors: FieldError[] = [];
  if (!breakdown) {
    const promised = live.reduce((s, r) => s + r.quantity, 0);
    if (live.length === 1) delivered.set(live[0]!.id, Math.min(total, live[0]!.quantity));
    else if (total >= promised) for (const r of live) delivered.set(r.id, r.quantity);
    else errors.push({ path: 'body.allocations', message: `项目承接 ${live.length} 项需求，完成数量 ${total} 少于承诺的 ${promised}，请逐项填写完成数量` });
    return { delivered, errors };
  }
  const byId = new Map(live.map((r) => [r.id, r]));
  breakdown.forEach((b, i) => {
    const r = byId.get(b.id);
    if (!r) errors.push({ path: `body.allocations.${i}.id`, message: '不是本项目承诺中的对接记录' });
    else if (delivered.has(b.id)) errors.push({ path: `body.allocations.${i}.id`, message: '对接记录重复' });
    else if (b.deliveredQty > r.quantity) errors.push({ path: `body.allocations.${i}.deliveredQty`, message: `该项承诺 ${r.quantity}，完成数量不能超过承诺数量` });
    else delivered.set(b.id, b.deliveredQty);
  });
  if (errors.length) return { delivered, errors };
  const missing = live.filter((r) => !delivered.has(r.id));
  if (missing.length) errors.push({ path: 'body.allocations', message: `还有 ${missing.length} 项未填写完成数量` });
  const sum = [...delivered.values()].reduce((s, d) => s + d, 0);
  if (sum !== total) errors.push({ path: 'body.deliveredQty', message: `完成数量须等于逐项完成数量之和（${sum}）` });
  return { delivered, errors };
}

/**
 * Acceptance (验收): each promised allocation fulfils what was delivered and
 * releases the rest to its need and its resource. A partly delivered
 * allocation is split: the row keeps the delivered part (fulfilled) and a new
 * row records the released part, so the project's history shows both.
 * An allocation without a reported quantity (completed before the report was
 * kept per allocation) counts as fully delivered, as it was then.
 */
export function acceptAllocations(
  ctx: Ctx,
  rows: ReadonlyArray<{ id: string; allianceId: string; projectId: string; needId: string; resourceId: string | null; quantity: number; state: AllocationState; deliveredQty: number | null }>,
) {
  const now = ctx.clock.now();
  const stmts = [];
  const perNeed = new Map<string, NeedDelta>();
  const perResource = new Map<string, number>();
  for (const r of rows) {
    if (!isLive(r.state)) continue;
    const got = Math.min(r.deliveredQty ?? r.quantity, r.quantity);
    const rest = r.quantity - got;
    const d = perNeed.get(r.needId) ?? {};
    const from = bucketOf(r.state)!;
    d[from] = (d[from] ?? 0) - r.quantity;
    d.fulfilled = (d.fulfilled ?? 0) + got;
    perNeed.set(r.needId, d);
    if (rest > 0 && r.resourceId) perResource.set(r.resourceId, (perResource.get(r.resourceId) ?? 0) - rest);
    if (got === 0) {
      stmts.push(sql`UPDATE allocations SET state = 'released', updated_at = ${now} WHERE id = ${r.id}`);
    } else {
      stmts.push(sql`UPDATE allocations SET state = 'fulfilled', quantity = ${got}, updated_at = ${now} WHERE id = ${r.id}`);
      if (rest > 0) {
        stmts.push(sql`INSERT INTO allocations (id, alliance_id, project_id, need_id, resource_id, quantity, state, delivered_qty, created_by, created_at, updated_at)
          VALUES (${newId('alc', now)}, ${r.allianceId}, ${r.projectId}, ${r.needId}, ${r.resourceId}, ${rest}, 'released', 0, ${ctx.actor.userId}, ${now}, ${now})`);
      }
    }
  }
  for (const [needId, d] of [...perNeed].sort(([a], [b]) => a.localeCompare(b))) stmts.push(needQuantityUpdate(ctx, needId, d));
  for (const [resId, d] of [...perResource].sort(([a], [b]) => a.localeCompare(b))) stmts.push(resourceQuantityUpdate(ctx, resId, d));
  return stmts;
}
