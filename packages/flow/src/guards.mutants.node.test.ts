import { describe, expect, it } from 'vitest';
import { createNetwork } from './min-cost-flow.ts';

// The contract (header of min-cost-flow.ts): capacities are non-negative safe
// integers, costs safe integers, nodes and edges dense ids from 0. Every
// refusal is a RangeError naming the argument, the bad value and the bound,
// so a caller can tell which input was wrong; these tests pin type and text.

const MAX = Number.MAX_SAFE_INTEGER;

function refusal(run: () => unknown): { type: string; message: string } | 'accepted' {
  try {
    run();
  } catch (error) {
    return { type: (error as Error).constructor.name, message: (error as Error).message };
  }
  return 'accepted';
}

const range = (message: string) => ({ type: 'RangeError', message });

describe('createNetwork: node count', () => {
  it('refuses a negative, fractional or unsafe node count with its value', () => {
    expect(refusal(() => createNetwork(-1))).toEqual(range('nodeCount must be a safe integer >= 0, got -1'));
    expect(refusal(() => createNetwork(1.5))).toEqual(range('nodeCount must be a safe integer >= 0, got 1.5'));
    expect(refusal(() => createNetwork(Number.NaN))).toEqual(range('nodeCount must be a safe integer >= 0, got NaN'));
  });

  it('accepts zero nodes (the lower bound itself)', () => {
    expect(createNetwork(0).nodeCount).toBe(0);
    expect(createNetwork().nodeCount).toBe(0);
  });
});

describe('addEdge: endpoints', () => {
  it('accepts the last node n-1 and refuses n, negatives, fractions and NaN, naming the end', () => {
    const net = createNetwork(3);
    expect(net.addEdge(2, 0, 1, 0)).toBe(0);
    expect(net.addEdge(0, 2, 1, 0)).toBe(1);
    expect(refusal(() => net.addEdge(3, 0, 1, 0))).toEqual(range('from 3 is not a node (have 3)'));
    expect(refusal(() => net.addEdge(-1, 0, 1, 0))).toEqual(range('from -1 is not a node (have 3)'));
    expect(refusal(() => net.addEdge(0.5, 0, 1, 0))).toEqual(range('from 0.5 is not a node (have 3)'));
    expect(refusal(() => net.addEdge(Number.NaN, 0, 1, 0))).toEqual(range('from NaN is not a node (have 3)'));
    expect(refusal(() => net.addEdge(0, 3, 1, 0))).toEqual(range('to 3 is not a node (have 3)'));
    expect(refusal(() => net.addEdge(0, -1, 1, 0))).toEqual(range('to -1 is not a node (have 3)'));
    expect(refusal(() => net.addEdge(0, 1.5, 1, 0))).toEqual(range('to 1.5 is not a node (have 3)'));
    // A refused edge is not added.
    expect(net.edgeCount).toBe(2);
  });

  it('counts a node added later as a node', () => {
    const net = createNetwork(1);
    expect(refusal(() => net.addEdge(0, 1, 1, 0))).toEqual(range('to 1 is not a node (have 1)'));
    expect(net.addNode()).toBe(1);
    expect(net.addEdge(0, 1, 1, 0)).toBe(0);
  });
});

describe('addEdge: capacity and cost', () => {
  it('accepts capacity 0 and MAX_SAFE_INTEGER, refuses -1, MAX_SAFE_INTEGER + 1, fractions, NaN and Infinity', () => {
    const net = createNetwork(2);
    expect(net.addEdge(0, 1, 0, 0)).toBe(0);
    expect(net.addEdge(0, 1, MAX, 0)).toBe(1);
    expect(refusal(() => net.addEdge(0, 1, -1, 0))).toEqual(range('capacity must be a safe integer >= 0, got -1'));
    expect(refusal(() => net.addEdge(0, 1, MAX + 1, 0))).toEqual(
      range('capacity must be a safe integer >= 0, got 9007199254740992'),
    );
    expect(refusal(() => net.addEdge(0, 1, 2.5, 0))).toEqual(range('capacity must be a safe integer >= 0, got 2.5'));
    expect(refusal(() => net.addEdge(0, 1, Number.NaN, 0))).toEqual(range('capacity must be a safe integer >= 0, got NaN'));
    expect(refusal(() => net.addEdge(0, 1, Number.POSITIVE_INFINITY, 0))).toEqual(
      range('capacity must be a safe integer >= 0, got Infinity'),
    );
  });

  it('accepts any safe cost, negative included, and refuses unsafe or fractional ones without a lower bound in the text', () => {
    const net = createNetwork(2);
    expect(net.addEdge(0, 1, 1, -MAX)).toBe(0);
    expect(net.addEdge(0, 1, 1, MAX)).toBe(1);
    expect(net.addEdge(0, 1, 1, -1)).toBe(2);
    expect(refusal(() => net.addEdge(0, 1, 1, 0.5))).toEqual(range('cost must be a safe integer, got 0.5'));
    expect(refusal(() => net.addEdge(0, 1, 1, -MAX - 1))).toEqual(range('cost must be a safe integer, got -9007199254740992'));
    expect(refusal(() => net.addEdge(0, 1, 1, MAX + 1))).toEqual(range('cost must be a safe integer, got 9007199254740992'));
    expect(refusal(() => net.addEdge(0, 1, 1, Number.NaN))).toEqual(range('cost must be a safe integer, got NaN'));
    expect(net.edgeCount).toBe(3);
  });
});

describe('growing the buffers', () => {
  it('keeps earlier edges when nodes grow past the initial 8 and new nodes start with no edges', () => {
    // Edge 0 (0 -> 1) is added before the node table grows; node 12's only edge
    // is 12 -> 13. If a grown node inherited a stale adjacency it would reach
    // node 1 through edge 0; by hand: 12 cannot reach 1, 12 reaches 13 with 3.
    const net = createNetwork(2);
    const early = net.addEdge(0, 1, 5, 2);
    for (let i = 2; i < 20; i++) expect(net.addNode()).toBe(i);
    const late = net.addEdge(12, 13, 3, 1);
    const isolated = net.solve(12, 1);
    expect(isolated.flow).toBe(0);
    expect(isolated.cost).toBe(0);
    expect(isolated.edgeFlow(early)).toBe(0);
    const direct = net.solve(12, 13);
    expect([direct.flow, direct.cost, direct.edgeFlow(late), direct.edgeFlow(early)]).toEqual([3, 3, 3, 0]);
    const old = net.solve(0, 1);
    expect([old.flow, old.cost, old.edgeFlow(early), old.edgeFlow(late)]).toEqual([5, 10, 5, 0]);
    // Node 19 (the last one, in the second growth) has no edge either.
    expect(net.solve(19, 0).flow).toBe(0);
    expect(net.solve(0, 19).flow).toBe(0);
  });

  it('keeps earlier edges when edges grow past the initial 16', () => {
    // 40 parallel unit edges 0 -> 1, edge i costing 39 - i: the 3 cheapest are
    // edges 37, 38, 39 (costs 2, 1, 0), total 3; the first 16 carry nothing.
    const net = createNetwork(2);
    for (let i = 0; i < 40; i++) expect(net.addEdge(0, 1, 1, 39 - i)).toBe(i);
    const r = net.solve(0, 1, { maxFlow: 3 });
    expect([r.flow, r.cost]).toEqual([3, 3]);
    const flows = Array.from({ length: 40 }, (_, e) => r.edgeFlow(e));
    expect(flows).toEqual(Array.from({ length: 40 }, (_, e) => (e >= 37 ? 1 : 0)));
    // All of them: 40 units, cost 0 + 1 + ... + 39 = 780.
    const all = net.solve(0, 1);
    expect([all.flow, all.cost, all.edgeFlow(0), all.edgeFlow(15), all.edgeFlow(16)]).toEqual([40, 780, 1, 1, 1]);
  });
});

describe('solve: arguments', () => {
  const line = () => {
    const net = createNetwork(3);
    net.addEdge(0, 1, 4, 1);
    net.addEdge(1, 2, 3, 2);
    return net;
  };

  it('refuses a source or sink outside 0..n-1 naming which, and accepts n-1', () => {
    const net = line();
    expect(refusal(() => net.solve(3, 2))).toEqual(range('source 3 is not a node (have 3)'));
    expect(refusal(() => net.solve(-1, 2))).toEqual(range('source -1 is not a node (have 3)'));
    expect(refusal(() => net.solve(0.5, 2))).toEqual(range('source 0.5 is not a node (have 3)'));
    expect(refusal(() => net.solve(0, 3))).toEqual(range('sink 3 is not a node (have 3)'));
    expect(refusal(() => net.solve(0, Number.NaN))).toEqual(range('sink NaN is not a node (have 3)'));
    // By hand: 0 -> 1 -> 2 carries min(4, 3) = 3 at 1 + 2 per unit.
    const r = net.solve(0, 2);
    expect([r.flow, r.cost]).toEqual([3, 9]);
  });

  it('refuses a negative, fractional or unsafe maxFlow and accepts 0, MAX_SAFE_INTEGER and Infinity', () => {
    const net = line();
    expect(refusal(() => net.solve(0, 2, { maxFlow: -1 }))).toEqual(range('maxFlow must be a safe integer >= 0, got -1'));
    expect(refusal(() => net.solve(0, 2, { maxFlow: 1.5 }))).toEqual(range('maxFlow must be a safe integer >= 0, got 1.5'));
    expect(refusal(() => net.solve(0, 2, { maxFlow: MAX + 1 }))).toEqual(
      range('maxFlow must be a safe integer >= 0, got 9007199254740992'),
    );
    expect(refusal(() => net.solve(0, 2, { maxFlow: Number.NaN }))).toEqual(range('maxFlow must be a safe integer >= 0, got NaN'));
    const zero = net.solve(0, 2, { maxFlow: 0 });
    expect([zero.flow, zero.cost, zero.rounds, zero.augmentations, zero.edgeFlow(0), zero.edgeFlow(1)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(net.solve(0, 2, { maxFlow: MAX }).flow).toBe(3);
    expect(net.solve(0, 2, { maxFlow: Number.POSITIVE_INFINITY }).flow).toBe(3);
    expect(net.solve(0, 2, { maxFlow: 2 }).cost).toBe(6);
  });

  it('sends nothing from a node to itself', () => {
    const net = line();
    const r = net.solve(1, 1);
    expect([r.flow, r.cost, r.rounds, r.augmentations, r.edgeFlow(0), r.edgeFlow(1)]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('edgeFlow answers for edges 0..edges-1 at solve time only, naming the bad id and the count', () => {
    const net = line();
    const r = net.solve(0, 2);
    expect([r.edgeFlow(0), r.edgeFlow(1)]).toEqual([3, 3]);
    net.addEdge(0, 2, 5, 0);
    expect(refusal(() => r.edgeFlow(2))).toEqual(range('edge 2 did not exist when solved (have 2)'));
    expect(refusal(() => r.edgeFlow(-1))).toEqual(range('edge -1 did not exist when solved (have 2)'));
    expect(refusal(() => r.edgeFlow(0.5))).toEqual(range('edge 0.5 did not exist when solved (have 2)'));
    expect(refusal(() => r.edgeFlow(Number.NaN))).toEqual(range('edge NaN did not exist when solved (have 2)'));
    // The earlier result is unchanged by the later edge and solve.
    const later = net.solve(0, 2);
    expect([later.flow, later.cost, later.edgeFlow(2)]).toEqual([8, 9, 5]);
    expect([r.edgeFlow(0), r.edgeFlow(1)]).toEqual([3, 3]);
  });
});

describe('solveLexicographic: arguments', () => {
  // 0 = source, 2 = sink. e0: 0 -> 1 (2), e1: 1 -> 2 (2), e2: 2 -> 0 with
  // capacity 0 (enters the source but can carry nothing), e3: 0 -> 2 (1, cost 5),
  // the last edge and one that leaves the source.
  const lexNet = () => {
    const net = createNetwork(3);
    net.addEdge(0, 1, 2, 0);
    net.addEdge(1, 2, 2, 0);
    net.addEdge(2, 0, 0, 0);
    net.addEdge(0, 2, 1, 5);
    return net;
  };

  it('refuses a source or sink outside the nodes, naming which', () => {
    const net = lexNet();
    expect(refusal(() => net.solveLexicographic(3, 2))).toEqual(range('source 3 is not a node (have 3)'));
    expect(refusal(() => net.solveLexicographic(-1, 2))).toEqual(range('source -1 is not a node (have 3)'));
    expect(refusal(() => net.solveLexicographic(0, 3))).toEqual(range('sink 3 is not a node (have 3)'));
    expect(refusal(() => net.solveLexicographic(0, 0.5))).toEqual(range('sink 0.5 is not a node (have 3)'));
  });

  it('refuses a priority id that is not an edge: negative, fractional, NaN, or m', () => {
    const net = lexNet();
    expect(refusal(() => net.solveLexicographic(0, 2, [-1]))).toEqual(range('priority edge -1 is not an edge (have 4)'));
    expect(refusal(() => net.solveLexicographic(0, 2, [0.5]))).toEqual(range('priority edge 0.5 is not an edge (have 4)'));
    expect(refusal(() => net.solveLexicographic(0, 2, [Number.NaN]))).toEqual(range('priority edge NaN is not an edge (have 4)'));
    expect(refusal(() => net.solveLexicographic(0, 2, [4]))).toEqual(range('priority edge 4 is not an edge (have 4)'));
  });

  it('refuses a priority edge that does not leave the source, and one listed twice', () => {
    const net = lexNet();
    expect(refusal(() => net.solveLexicographic(0, 2, [1]))).toEqual(range('priority edge 1 does not leave the source'));
    expect(refusal(() => net.solveLexicographic(0, 2, [0, 0]))).toEqual(range('priority edge 0 listed twice'));
    expect(refusal(() => net.solveLexicographic(0, 2, [3, 0, 3]))).toEqual(range('priority edge 3 listed twice'));
  });

  it('refuses a self-loop at the source as a priority edge: it starts there but never leaves', () => {
    const net = createNetwork(2);
    net.addEdge(0, 1, 1, 0);
    const loop = net.addEdge(0, 0, 1, 0);
    expect(refusal(() => net.solveLexicographic(0, 1, [loop]))).toEqual(range('priority edge 1 does not leave the source'));
  });

  it('accepts the last edge m-1 as a priority and an edge into the source that has no capacity', () => {
    // By hand: first through e3 alone: 1; then e3 and e0 together: 1 + 2 = 3,
    // which is also the max flow; cost 5 (e3) + 0 = 5.
    const net = lexNet();
    const r = net.solveLexicographic(0, 2, [3, 0]);
    expect([r.flow, r.cost, r.edgeFlow(0), r.edgeFlow(1), r.edgeFlow(2), r.edgeFlow(3)]).toEqual([3, 5, 2, 2, 0, 1]);
  });

  it('refuses an edge into the source with capacity only when priorities are given', () => {
    // e1: 1 -> 0 carries capacity into the source. Without priorities that is
    // allowed: max flow 1 over 0 -> 1 -> 2, cost 3.
    const net = createNetwork(3);
    net.addEdge(0, 1, 1, 0);
    net.addEdge(1, 0, 1, 0);
    net.addEdge(1, 2, 1, 3);
    const free = net.solveLexicographic(0, 2);
    expect([free.flow, free.cost, free.edgeFlow(0), free.edgeFlow(1), free.edgeFlow(2)]).toEqual([1, 3, 1, 0, 1]);
    const empty = net.solveLexicographic(0, 2, []);
    expect([empty.flow, empty.cost]).toEqual([1, 3]);
    expect(refusal(() => net.solveLexicographic(0, 2, [0]))).toEqual(
      range('edge 1 enters the source: priorities need a source without incoming edges'),
    );
  });

  it('sends nothing from a node to itself, and still answers 0 per edge', () => {
    const net = lexNet();
    const r = net.solveLexicographic(1, 1);
    expect([r.flow, r.cost, r.rounds, r.augmentations]).toEqual([0, 0, 0, 0]);
    expect([r.edgeFlow(0), r.edgeFlow(1), r.edgeFlow(2), r.edgeFlow(3)]).toEqual([0, 0, 0, 0]);
    expect(refusal(() => r.edgeFlow(4))).toEqual(range('edge 4 did not exist when solved (have 4)'));
    expect(refusal(() => r.edgeFlow(-1))).toEqual(range('edge -1 did not exist when solved (have 4)'));
  });

  it('edgeFlow answers for edges 0..edges-1 at solve time only, naming the bad id and the count', () => {
    const net = lexNet();
    const r = net.solveLexicographic(0, 2, [3]);
    expect([r.edgeFlow(0), r.edgeFlow(3)]).toEqual([2, 1]);
    net.addEdge(0, 2, 5, 0);
    expect(refusal(() => r.edgeFlow(4))).toEqual(range('edge 4 did not exist when solved (have 4)'));
    expect(refusal(() => r.edgeFlow(-1))).toEqual(range('edge -1 did not exist when solved (have 4)'));
    expect(refusal(() => r.edgeFlow(2.5))).toEqual(range('edge 2.5 did not exist when solved (have 4)'));
    expect(refusal(() => r.edgeFlow(Number.NaN))).toEqual(range('edge NaN did not exist when solved (have 4)'));
  });
});
