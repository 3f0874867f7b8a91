import { describe, expect, it } from 'vitest';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Ctx } from '@ronghe/core';
import type { AllocationState } from '@ronghe/schema';
import { remainingOf, needStatusOf } from './needs/status.ts';
import { bucketOf, moveAllocations, needQuantityUpdate, resourceQuantityUpdate, splitDelivered } from './quantities.ts';
import { resourceStatusOf } from './resources/status.ts';

// A need keeps its quantity in three buckets — committed, in delivery,
// fulfilled — and its status follows from them; a resource keeps what is
// allocated of its capacity (README "The three lists", ADR 0009). The
// statements are read back as "which column of which row moves by how much";
// the expected moves are worked out by hand for each project step.

const NOW = 1_781_000_000_000;
const ctx = { clock: { now: () => NOW } } as unknown as Ctx;
const dialect = new SQLiteSyncDialect();

interface Move {
  table: string;
  id: unknown;
  add: Record<string, unknown>;
  params: unknown[];
}
/** `col = col + ?` pairs of a relative UPDATE, with the row it names last. */
function read(stmt: SQL): Move {
  const { sql: text, params } = dialect.sqlToQuery(stmt);
  const table = /UPDATE (\w+)/.exec(text)?.[1] ?? '?';
  const add: Record<string, unknown> = {};
  for (const m of text.matchAll(/(\w+) = \1 \+ \?/g)) {
    const before = text.slice(0, m.index + m[0].length - 1).split('?').length - 1;
    add[m[1]!] = params[before];
  }
  return { table, id: params.at(-1), add, params };
}
const row = (id: string, needId: string, resourceId: string | null, quantity: number, state: AllocationState) => ({ id, needId, resourceId, quantity, state });

describe('bucketOf: where an allocation sits in its need', () => {
  it('maps committed, in delivery and fulfilled to their buckets; a released one occupies none', () => {
    expect(bucketOf('committed')).toBe('committed');
    expect(bucketOf('in_delivery')).toBe('inDelivery');
    expect(bucketOf('fulfilled')).toBe('fulfilled');
    expect(bucketOf('released')).toBeNull();
  });
});

describe('moveAllocations: the quantities a project step moves', () => {
  it('starting a project moves committed units into delivery, per need, leaving resources alone', () => {
    const stmts = moveAllocations(ctx, [row('alc_1', 'ned_a', 'res_x', 3, 'committed'), row('alc_2', 'ned_a', 'res_y', 2, 'committed'), row('alc_3', 'ned_b', null, 5, 'committed')], 'in_delivery');
    const [alloc, ...rest] = stmts.map(read);
    expect(alloc?.table).toBe('allocations');
    expect(alloc?.params).toEqual(['in_delivery', NOW, JSON.stringify(['alc_1', 'alc_2', 'alc_3'])]);
    // ned_a: 3 + 2 = 5 units from committed into delivery; ned_b: 5.
    expect(rest.map((m) => [m.table, m.id, m.add])).toEqual([
      ['needs', 'ned_a', { committed_qty: -5, in_delivery_qty: 5, fulfilled_qty: 0 }],
      ['needs', 'ned_b', { committed_qty: -5, in_delivery_qty: 5, fulfilled_qty: 0 }],
    ]);
  });

  it('accepting a project fulfils what was in delivery', () => {
    const moves = moveAllocations(ctx, [row('alc_1', 'ned_a', 'res_x', 4, 'in_delivery')], 'fulfilled').map(read);
    expect(moves.slice(1).map((m) => [m.table, m.id, m.add])).toEqual([['needs', 'ned_a', { committed_qty: 0, in_delivery_qty: -4, fulfilled_qty: 4 }]]);
  });

  it('cancelling releases committed and in-delivery units back to the needs and the resources, skipping what is already settled', () => {
    const moves = moveAllocations(
      ctx,
      [
        row('alc_1', 'ned_b', 'res_y', 3, 'committed'),
        row('alc_2', 'ned_b', 'res_x', 2, 'in_delivery'),
        row('alc_3', 'ned_a', 'res_x', 4, 'committed'),
        row('alc_4', 'ned_a', null, 1, 'committed'),
        row('alc_5', 'ned_c', 'res_z', 6, 'fulfilled'),
        row('alc_6', 'ned_c', 'res_z', 7, 'released'),
      ],
      'released',
    ).map(read);
    expect(moves[0]?.params).toEqual(['released', NOW, JSON.stringify(['alc_1', 'alc_2', 'alc_3', 'alc_4'])]);
    // Needs and resources in id order: ned_a gives back 4 + 1 committed; ned_b 3 committed and 2 in delivery;
    // res_x 2 + 4 = 6 units, res_y 3; alc_4 has no resource; ned_c and res_z are untouched.
    expect(moves.slice(1).map((m) => [m.table, m.id, m.add])).toEqual([
      ['needs', 'ned_a', { committed_qty: -5, in_delivery_qty: 0, fulfilled_qty: 0 }],
      ['needs', 'ned_b', { committed_qty: -3, in_delivery_qty: -2, fulfilled_qty: 0 }],
      ['resources', 'res_x', { allocated_qty: -6 }],
      ['resources', 'res_y', { allocated_qty: -3 }],
    ]);
  });

  it('writes nothing when every allocation is already where the step would put it', () => {
    expect(moveAllocations(ctx, [row('alc_1', 'ned_a', 'res_x', 3, 'in_delivery')], 'in_delivery')).toEqual([]);
    expect(moveAllocations(ctx, [row('alc_1', 'ned_a', 'res_x', 3, 'fulfilled'), row('alc_2', 'ned_a', 'res_x', 3, 'released')], 'released')).toEqual([]);
    expect(moveAllocations(ctx, [], 'fulfilled')).toEqual([]);
  });
});

describe('the quantity statements', () => {
  it('add the given deltas to a need, zero for buckets not named, and stamp the change', () => {
    const m = read(needQuantityUpdate(ctx, 'ned_a', { inDelivery: 2 }));
    expect([m.table, m.id, m.add]).toEqual(['needs', 'ned_a', { committed_qty: 0, in_delivery_qty: 2, fulfilled_qty: 0 }]);
    expect(m.params).toContain(NOW);
    expect(dialect.sqlToQuery(needQuantityUpdate(ctx, 'ned_a', {})).sql).toMatch(/version = version \+ 1/);
  });

  it('add the delta to a resource’s allocation', () => {
    const m = read(resourceQuantityUpdate(ctx, 'res_x', -6));
    expect([m.table, m.id, m.add]).toEqual(['resources', 'res_x', { allocated_qty: -6 }]);
    expect(m.params).toContain(NOW);
  });
});

describe('status from the buckets (README: a need’s status follows from them)', () => {
  const need = (quantity: number, committedQty: number, inDeliveryQty: number, fulfilledQty: number, status: 'open' | 'partly_met' | 'met' | 'closed' | 'cancelled' = 'open') => ({
    status,
    quantity,
    committedQty,
    inDeliveryQty,
    fulfilledQty,
  });

  it('a need is open with nothing in any bucket, partly met with anything, met once fulfilled in full', () => {
    expect(needStatusOf(need(10, 0, 0, 0))).toBe('open');
    expect(needStatusOf(need(10, 1, 0, 0))).toBe('partly_met');
    expect(needStatusOf(need(10, 0, 1, 0))).toBe('partly_met');
    expect(needStatusOf(need(10, 0, 0, 1))).toBe('partly_met');
    // Committed or in delivery in full is not yet met: only fulfilment counts.
    expect(needStatusOf(need(10, 10, 0, 0))).toBe('partly_met');
    expect(needStatusOf(need(10, 0, 0, 9))).toBe('partly_met');
    expect(needStatusOf(need(10, 0, 0, 10, 'partly_met'))).toBe('met');
  });

  it('keeps a closed or cancelled need as decided', () => {
    expect(needStatusOf(need(10, 0, 0, 10, 'closed'))).toBe('closed');
    expect(needStatusOf(need(10, 3, 0, 0, 'cancelled'))).toBe('cancelled');
  });

  it('what remains of a need is its quantity less all three buckets', () => {
    // 10 − 2 − 3 − 4 = 1
    expect(remainingOf(need(10, 2, 3, 4))).toBe(1);
  });

  it('a resource is exhausted once its capacity is allocated, unless withdrawn', () => {
    expect(resourceStatusOf({ status: 'available', capacity: 5, allocatedQty: 4 })).toBe('available');
    expect(resourceStatusOf({ status: 'available', capacity: 5, allocatedQty: 5 })).toBe('exhausted');
    expect(resourceStatusOf({ status: 'exhausted', capacity: 5, allocatedQty: 0 })).toBe('available');
    expect(resourceStatusOf({ status: 'withdrawn', capacity: 5, allocatedQty: 5 })).toBe('withdrawn');
  });
});

describe('a released allocation is settled', () => {
  it('never moves again, whatever step follows', () => {
    expect(moveAllocations(ctx, [row('alc_1', 'ned_a', 'res_x', 3, 'released')], 'in_delivery')).toEqual([]);
    expect(moveAllocations(ctx, [row('alc_1', 'ned_a', 'res_x', 3, 'released')], 'fulfilled')).toEqual([]);
  });
});

describe('splitDelivered: a completion report over the promised allocations (seed 000 6.4)', () => {
  const one = [{ id: 'a1', quantity: 6, state: 'in_delivery' as AllocationState }];
  const two = [
    { id: 'a1', quantity: 3, state: 'in_delivery' as AllocationState },
    { id: 'a2', quantity: 5, state: 'committed' as AllocationState },
    { id: 'a3', quantity: 9, state: 'fulfilled' as AllocationState },
  ];
  const paths = (r: ReturnType<typeof splitDelivered>) => r.errors.map((e) => e.path);

  it('one allocation takes the total, at most what it promised', () => {
    expect([...splitDelivered(2, one).delivered]).toEqual([['a1', 2]]);
    expect([...splitDelivered(6, one).delivered]).toEqual([['a1', 6]]);
    expect([...splitDelivered(9, one).delivered]).toEqual([['a1', 6]]);
    expect([...splitDelivered(0, one).delivered]).toEqual([['a1', 0]]);
  });
  it('several: a total covering the promise (3 + 5 = 8) delivers each in full; less needs the breakdown', () => {
    expect([...splitDelivered(8, two).delivered]).toEqual([['a1', 3], ['a2', 5]]);
    expect(paths(splitDelivered(7, two))).toEqual(['body.allocations']);
  });
  it('a breakdown is checked row by row and must add up to the total', () => {
    expect([...splitDelivered(4, two, [{ id: 'a1', deliveredQty: 3 }, { id: 'a2', deliveredQty: 1 }]).delivered]).toEqual([['a1', 3], ['a2', 1]]);
    expect(paths(splitDelivered(4, two, [{ id: 'a1', deliveredQty: 3 }, { id: 'a2', deliveredQty: 0 }]))).toEqual(['body.deliveredQty']);
    expect(paths(splitDelivered(4, two, [{ id: 'a1', deliveredQty: 4 }, { id: 'a2', deliveredQty: 0 }]))).toEqual(['body.allocations.0.deliveredQty']);
    expect(paths(splitDelivered(3, two, [{ id: 'a1', deliveredQty: 3 }, { id: 'a3', deliveredQty: 0 }]))).toEqual(['body.allocations.1.id']);
    expect(paths(splitDelivered(3, two, [{ id: 'a1', deliveredQty: 3 }, { id: 'a1', deliveredQty: 0 }]))).toEqual(['body.allocations.1.id']);
    expect(paths(splitDelivered(3, two, [{ id: 'a1', deliveredQty: 3 }]))).toEqual(['body.allocations']);
  });
  it('nothing promised: nothing to split', () => {
    expect(splitDelivered(5, []).delivered.size).toBe(0);
    expect(splitDelivered(5, []).errors).toEqual([]);
  });
});
