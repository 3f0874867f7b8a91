import { describe, expect, it } from 'vitest';
import { FlowBuffers } from './buffers.ts';
import { createNetwork } from './min-cost-flow.ts';

describe('FlowBuffers', () => {
  it('hands out zero-filled arrays and keeps one buffer per slot at its largest size', () => {
    const b = new FlowBuffers();
    const a = b.int32('x', 4);
    a.fill(7);
    expect([...b.int32('x', 3)]).toEqual([0, 0, 0]);
    expect(b.bytes).toBe(16);
    expect([...b.float64('x', 2)]).toEqual([0, 0]);
    expect(b.bytes).toBe(16);
    b.float64('x', 3);
    expect(b.bytes).toBe(24);
  });

  it('gives the same answers to networks solved one after another on the same buffers, larger first', () => {
    const buffers = new FlowBuffers();
    // 20 parallel paths source → v → sink of capacity 3, the k-th costing k:
    // all are used, flow 60, cost 3 × (0 + 1 + … + 19) = 570.
    const big = createNetwork(22, 40, buffers);
    for (let k = 0; k < 20; k++) {
      big.addEdge(0, 2 + k, 3, k);
      big.addEdge(2 + k, 1, 3, 0);
    }
    const r1 = big.solveLexicographic(0, 1, []);
    expect([r1.flow, r1.cost]).toEqual([60, 570]);
    // Two units through node 2: one straight to the sink (cost 5), one via
    // node 3 (1 + 1), each of the two last edges taking one unit.
    const small = createNetwork(4, 4, buffers);
    small.addEdge(0, 2, 2, 0);
    small.addEdge(2, 1, 1, 5);
    small.addEdge(2, 3, 2, 1);
    small.addEdge(3, 1, 1, 1);
    const r2 = small.solveLexicographic(0, 1, [0]);
    expect([r2.flow, r2.cost]).toEqual([2, 7]);
    expect([0, 1, 2, 3].map((e) => r2.edgeFlow(e))).toEqual([2, 1, 1, 1]);
    // And with cost scaling (a negative cost keeps it off the primal-dual path).
    const neg = createNetwork(4, 4, buffers);
    neg.addEdge(0, 2, 2, 0);
    neg.addEdge(2, 1, 1, 5);
    neg.addEdge(2, 3, 2, -1);
    neg.addEdge(3, 1, 1, 1);
    const r3 = neg.solveLexicographic(0, 1, [0]);
    expect([r3.flow, r3.cost]).toEqual([2, 5]);
    expect([0, 1, 2, 3].map((e) => r3.edgeFlow(e))).toEqual([2, 1, 1, 1]);
  });
});
