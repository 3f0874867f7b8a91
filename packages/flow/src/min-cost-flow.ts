import { float64, int32, type FlowBuffers } from './buffers.ts';
import { keepShape } from './keep-shape.ts';
import { solveLexicographic } from './lexicographic.ts';

/**
 * Exact min-cost max-flow on integer networks.
 *
 * Contract:
 * - Capacities are non-negative safe integers, costs are safe integers and may
 *   be negative, but the network must contain no negative-cost cycle. A
 *   negative cycle reachable from the source through positive-capacity edges
 *   is reported with an error; one that is unreachable is not detected and
 *   simply stays empty (the solver only pushes source-to-sink paths, never
 *   free-standing circulations), so the cost is then not a true minimum.
 * - `solve` maximises the flow from source to sink (capped by
 *   `opts.maxFlow`) and, among flows of that value, minimises total cost.
 *   Total flow and cost must stay within Number.MAX_SAFE_INTEGER for the
 *   arithmetic to stay exact.
 * - Deterministic: the same nodes and edges added in the same order always give
 *   the same edge flows, since there is no randomness and no hashing of keys.
 *
 * Algorithm: primal-dual successive shortest paths with Johnson potentials.
 * One SPFA (Bellman-Ford) pass makes reduced costs non-negative when negative
 * costs are present; after that each round runs Dijkstra on reduced costs and
 * then saturates every shortest augmenting path at once with a max flow
 * (ISAP) on the zero-reduced-cost arcs. The number of Dijkstra runs is
 * the number of distinct shortest-path lengths, not the number of paths, which
 * matters when costs are small integers (the matching engine's case).
 *
 * Memory: the matching engine must fit ~100k edges into a 128 MB Worker, so the
 * graph lives in flat typed arrays (24 bytes per edge: two arc heads, capacity and cost; each `solve` adds 16 per edge of
 * residual capacities and 8 of adjacency links) instead of one object per edge.
 */

export interface FlowNetwork {
  /** Appends a node and returns its id (ids are dense, starting at 0). */
  addNode(): number;
  /** Appends a directed edge and returns its id (dense, starting at 0). */
  addEdge(from: number, to: number, capacity: number, cost: number): number;
}

export interface SolveOptions {
  /** Upper bound on the flow to send; defaults to unbounded. */
  maxFlow?: number;
  /**
   * 'min-cost-max-flow' (default): the cheapest among the largest flows.
   * 'min-cost': the cheapest flow of any value (up to `maxFlow`): augmenting
   * stops as soon as the shortest augmenting path costs 0 or more.
   */
  objective?: 'min-cost-max-flow' | 'min-cost';
}

export interface FlowResult {
  readonly flow: number;
  readonly cost: number;
  /** Shortest-path computations (Dijkstra runs that led to augmentation or to the stop). */
  readonly rounds: number;
  /** Augmenting paths pushed. */
  readonly augmentations: number;
  /** Flow on an edge that existed when `solve` was called. */
  edgeFlow(edgeId: number): number;
}

export interface MinCostFlowNetwork extends FlowNetwork {
  readonly nodeCount: number;
  readonly edgeCount: number;
  solve(source: number, sink: number, opts?: SolveOptions): FlowResult;
  /**
   * Lexicographic max flow, then min cost (see lexicographic.ts): maximise
   * the flow through priority[0], then through priority[0] and priority[1]
   * together, and so on, then the total flow; among all such flows, the
   * cheapest. Every priority edge must leave the source, and then no edge
   * with capacity may enter it. Push-relabel max
   * flows and cost scaling: no long augmenting chains, and exact even with
   * negative cycles. `rounds` counts max-flow stages and ε phases,
   * `augmentations` pushes.
   */
  solveLexicographic(source: number, sink: number, priority?: readonly number[]): FlowResult;
  /**
   * The network as it stands, for a reference solver outside this package
   * (bench/matching-native.ts): views of the edge arrays, not copies, valid
   * until the next `addEdge`.
   */
  arrays(): NetworkArrays;
}

/** Edge e runs from arcTo[2e + 1] to arcTo[2e]. */
export interface NetworkArrays {
  n: number;
  m: number;
  arcTo: Int32Array;
  cap: Float64Array;
  cost: Float64Array;
}

const NONE = -1;

function checked(edges: number, flowOf: (e: number) => number): (e: number) => number {
  return (edgeId: number): number => {
    if (!Number.isInteger(edgeId) || edgeId < 0 || edgeId >= edges) {
      throw new RangeError(`edge ${edgeId} did not exist when solved (have ${edges})`);
    }
    return flowOf(edgeId);
  };
}

function growI32(a: Int32Array<ArrayBuffer>, size: number, fill?: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  if (fill !== undefined) b.fill(fill, a.length);
  return b;
}

function growF64(a: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

function assertSafeInt(value: number, what: string, min?: number): void {
  if (!Number.isSafeInteger(value) || (min !== undefined && value < min)) {
    throw new RangeError(`${what} must be a safe integer${min !== undefined ? ` >= ${min}` : ''}, got ${value}`);
  }
}

/**
 * Min-heap of node ids keyed by an external distance array, with decrease-key.
 * Indexed (one slot per node) rather than lazy so its size is bounded by the
 * node count, not the arc count.
 */
class NodeHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private size = 0;
  private readonly key: Float64Array;

  // No parameter properties: Node runs this file with type stripping only.
  constructor(nodeCount: number, key: Float64Array) {
    this.key = key;
    this.heap = new Int32Array(nodeCount);
    this.pos = new Int32Array(nodeCount).fill(NONE);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = NONE;
    this.size = 0;
  }

  /** Inserts `v`, or restores heap order after its key decreased. */
  upsert(v: number): void {
    let i = this.pos[v]!;
    if (i === NONE) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
    }
    this.siftUp(i);
  }

  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = NONE;
    const last = this.heap[--this.size]!;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  // Ties break on node id so the pop order never depends on insertion history.
  private less(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka < kb || (ka === kb && a < b);
  }

  private siftUp(i: number): void {
    const { heap, pos } = this;
    const v = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const u = heap[p]!;
      if (!this.less(v, u)) break;
      heap[i] = u;
      pos[u] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private siftDown(i: number): void {
    const { heap, pos } = this;
    const v = heap[i]!;
    const n = this.size;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.less(heap[c + 1]!, heap[c]!)) c++;
      const u = heap[c]!;
      if (!this.less(u, v)) break;
      heap[i] = u;
      pos[u] = i;
      i = c;
    }
    heap[i] = v;
    pos[v] = i;
  }
}

// `solve` is optimised for NodeHeap's map: keep it (keep-shape.ts).
keepShape(new NodeHeap(0, new Float64Array(0)));

/**
 * The first edge with capacity into v, or −1. A function of its own so that
 * V8's compilation of this long loop (on-stack replacement, in the first
 * call) does not stop at the untried code after it, as solveLex's did.
 */
function edgeInto(arcTo: Int32Array, cap: Float64Array, m: number, v: number): number {
  for (let e = 0; e < m; e++) if (arcTo[2 * e] === v && cap[e]! > 0) return e;
  return -1;
}

/**
 * `edgeCapacity` reserves room for that many edges (a caller that knows its
 * edge count, like the matching builder, avoids the doubling copies and their
 * slack); more edges can still be added. With `buffers` (see buffers.ts) the
 * edge arrays and `solveLexicographic`'s largest arrays are borrowed from
 * them: the network and its results are then valid only until the next
 * network is created on the same buffers.
 */
export function createNetwork(nodeCount = 0, edgeCapacity = 0, buffers?: FlowBuffers): MinCostFlowNetwork {
  assertSafeInt(nodeCount, 'nodeCount', 0);
  assertSafeInt(edgeCapacity, 'edgeCapacity', 0);
  let n = nodeCount;
  let m = 0;
  // Edge e owns arcs 2e (forward) and 2e+1 (residual reverse), so the partner
  // of arc a is a ^ 1 and the edge of arc a is a >> 1. Per arc only the head
  // node and the adjacency link are stored (the edge's endpoints are the heads
  // of its two arcs); capacity and cost are per edge.
  // Adjacency lists (for `solve`) are built when solving, not per edge:
  // `solveLexicographic` makes its own CSR and never reads them.
  const reserved = Math.max(16, edgeCapacity);
  let arcTo = int32(buffers, 'net.arcTo', 2 * reserved);
  let cap = float64(buffers, 'net.cap', reserved);
  let cost = float64(buffers, 'net.cost', reserved);
  let head = new Int32Array(0);
  let next = new Int32Array(0);

  const addNode = (): number => n++;

  const assertNode = (v: number, what: string): void => {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new RangeError(`${what} ${v} is not a node (have ${n})`);
  };

  const addEdge = (u: number, v: number, capacity: number, edgeCost: number): number => {
    assertNode(u, 'from');
    assertNode(v, 'to');
    assertSafeInt(capacity, 'capacity', 0);
    assertSafeInt(edgeCost, 'cost');
    if (m === cap.length) {
      const size = cap.length * 2;
      arcTo = growI32(arcTo, size * 2);
      cap = growF64(cap, size);
      cost = growF64(cost, size);
    }
    const e = m++;
    arcTo[2 * e] = v;
    arcTo[2 * e + 1] = u;
    cap[e] = capacity;
    cost[e] = edgeCost;
    return e;
  };

  const solve = (source: number, sink: number, opts: SolveOptions = {}): FlowResult => {
    assertNode(source, 'source');
    assertNode(sink, 'sink');
    const limit = opts.maxFlow ?? Number.POSITIVE_INFINITY;
    if (limit !== Number.POSITIVE_INFINITY) assertSafeInt(limit, 'maxFlow', 0);

    // Residuals are per solve so a result stays valid after later solves or
    // edits; the forward residual is cap - flow and the reverse one is flow.
    const edges = m;
    // Each node's arcs, newest first (as if linked when added).
    head = new Int32Array(n).fill(NONE);
    next = new Int32Array(2 * edges);
    for (let a = 0; a < 2 * edges; a++) {
      const tail = arcTo[a ^ 1]!;
      next[a] = head[tail]!;
      head[tail] = a;
    }
    const res = new Float64Array(2 * edges);
    let hasNegative = false;
    for (let e = 0; e < edges; e++) {
      res[2 * e] = cap[e]!;
      if (cost[e]! < 0 && cap[e]! > 0) hasNegative = true;
    }
    const arcHead = (a: number): number => arcTo[a]!;
    const arcCost = (a: number): number => ((a & 1) === 0 ? cost[a >> 1]! : -cost[a >> 1]!);

    let flow = 0;
    let total = 0;
    let rounds = 0;
    let augmentations = 0;
    const result = (): FlowResult => ({
      flow,
      cost: total,
      rounds,
      augmentations,
      edgeFlow(edgeId: number): number {
        if (!Number.isInteger(edgeId) || edgeId < 0 || edgeId >= edges) {
          throw new RangeError(`edge ${edgeId} did not exist when solved (have ${edges})`);
        }
        return res[2 * edgeId + 1]!;
      },
    });
    if (source === sink || limit === 0) return result();

    // Nodes unreachable from the source keep an infinite potential; they can
    // never become reachable later (augmenting only adds arcs between
    // reachable nodes), so Dijkstra never needs their reduced costs.
    const pot = new Float64Array(n);
    if (hasNegative) spfa(source, pot, res, arcHead, arcCost);

    const dist = new Float64Array(n);
    const prev = new Int32Array(n);
    const done = new Uint8Array(n);
    const heap = new NodeHeap(n, dist);
    const label = new Int32Array(n);
    const count = new Int32Array(n + 1);
    const queue = new Int32Array(n);
    const iter = new Int32Array(n);
    const path = new Int32Array(n);
    const minCostOnly = opts.objective === 'min-cost';

    // An arc is admissible when it has residual capacity and zero reduced
    // cost: exactly the arcs that lie on some shortest augmenting path.
    const admissible = (u: number, a: number, v: number): boolean =>
      res[a]! > 0 && ((a & 1) === 0 ? cost[a >> 1]! : -cost[a >> 1]!) + pot[u]! - pot[v]! === 0;

    /**
     * Max flow on the admissible arcs by ISAP (shortest augmenting paths with
     * distance labels): one backward BFS from the sink labels every node with
     * its admissible distance to the sink; the search then advances along
     * arcs that lower the label by one and relabels dead ends locally,
     * instead of rebuilding a level graph for every path length as Dinic
     * does. Augmenting paths here can be thousands of arcs long (chains of
     * displaced needs), which made Dinic's repeated BFS dominate. After an
     * augmentation the search resumes at the tail of the first saturated arc.
     * The gap rule stops as soon as some label has no node left.
     */
    const admissibleMaxFlow = (want: number): number => {
      label.fill(n);
      count.fill(0);
      label[sink] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = sink;
      while (qh < qt) {
        const v = queue[qh++]!;
        const pv = pot[v]!;
        for (let a = head[v]!; a !== NONE; a = next[a]!) {
          // Arc b = a ^ 1 runs from w into v.
          const w = arcTo[a]!;
          const b = a ^ 1;
          if (label[w] !== n || res[b]! <= 0) continue;
          if (((b & 1) === 0 ? cost[b >> 1]! : -cost[b >> 1]!) + pot[w]! !== pv) continue;
          label[w] = label[v]! + 1;
          queue[qt++] = w;
        }
      }
      if (label[source] === n) return 0;
      for (let v = 0; v < n; v++) {
        iter[v] = head[v]!;
        count[label[v]!]!++;
      }
      let pushed = 0;
      let depth = 0;
      let u = source;
      while (pushed < want && label[source]! < n) {
        if (u === sink) {
          let push = want - pushed;
          for (let i = 0; i < depth; i++) if (res[path[i]!]! < push) push = res[path[i]!]!;
          let cut = -1;
          for (let i = 0; i < depth; i++) {
            const a = path[i]!;
            res[a] = res[a]! - push;
            res[a ^ 1] = res[a ^ 1]! + push;
            total += push * arcCost(a);
            if (cut === -1 && res[a] === 0) cut = i;
          }
          pushed += push;
          augmentations++;
          if (cut === -1) break; // only when `want` was the bottleneck
          depth = cut;
          u = arcHead(path[cut]! ^ 1);
          continue;
        }
        const target = label[u]! - 1;
        let a = iter[u]!;
        for (; a !== NONE; a = next[a]!) {
          const v = arcTo[a]!;
          if (label[v] === target && admissible(u, a, v)) break;
        }
        iter[u] = a;
        if (a !== NONE) {
          path[depth++] = a;
          u = arcTo[a]!;
          continue;
        }
        // Dead end: relabel u to one more than its lowest admissible neighbour.
        let low = n - 1;
        for (let b = head[u]!; b !== NONE; b = next[b]!) {
          const v = arcTo[b]!;
          if (label[v]! < low && admissible(u, b, v)) low = label[v]!;
        }
        if (--count[label[u]!]! === 0) break; // gap: nothing left can reach the sink
        label[u] = low + 1;
        count[label[u]!]!++;
        iter[u] = head[u]!;
        if (depth > 0) u = arcHead(path[--depth]! ^ 1);
      }
      return pushed;
    };

    while (flow < limit) {
      dist.fill(Number.POSITIVE_INFINITY);
      done.fill(0);
      dist[source] = 0;
      heap.upsert(source);
      // Stopping once the sink is settled is safe with the potential update
      // below, and skips exploring nodes farther than the sink.
      while (!heap.isEmpty) {
        const u = heap.pop();
        done[u] = 1;
        if (u === sink) break;
        const du = dist[u]! + pot[u]!;
        for (let a = head[u]!; a !== NONE; a = next[a]!) {
          if (res[a]! <= 0) continue;
          const v = arcHead(a);
          if (done[v] === 1) continue;
          const nd = du + arcCost(a) - pot[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            prev[v] = a;
            heap.upsert(v);
          }
        }
      }
      heap.clear();
      if (done[sink] === 0) break;

      // pot += min(dist, dist[sink]) keeps every residual reduced cost
      // non-negative (min with a constant preserves the triangle inequality)
      // and makes the arcs of every shortest augmenting path tight.
      const ds = dist[sink]!;
      for (let v = 0; v < n; v++) pot[v] = pot[v]! + (done[v] === 1 ? dist[v]! : ds);
      rounds++;
      // pot[source] stays 0, so pot[sink] is now the true cost of a shortest
      // augmenting path; for the cheapest flow of any value, stop once it
      // would no longer lower the cost.
      if (minCostOnly && pot[sink]! - pot[source]! >= 0) break;

      // Primal-dual: saturate every shortest path of this length (a max flow
      // on the admissible arcs) before the next Dijkstra. Reverse arcs of
      // tight arcs are tight too, so reduced costs stay non-negative.
      while (flow < limit) {
        const pushed = admissibleMaxFlow(limit - flow);
        if (pushed === 0) break;
        flow += pushed;
      }
    }
    return result();
  };

  function spfa(
    source: number,
    pot: Float64Array,
    res: Float64Array,
    arcHead: (a: number) => number,
    arcCost: (a: number) => number,
  ): void {
    pot.fill(Number.POSITIVE_INFINITY);
    pot[source] = 0;
    const queue = new Int32Array(n + 1);
    const inQueue = new Uint8Array(n);
    // Edges on the current shortest path to each node: a path of n edges
    // repeats a node, so the improvement came around a negative cycle.
    // (Counting relaxations instead misfires on parallel edges.)
    const edgesOnPath = new Int32Array(n);
    let qh = 0;
    let qt = 0;
    queue[qt++] = source;
    inQueue[source] = 1;
    while (qh !== qt) {
      const u = queue[qh]!;
      qh = qh === n ? 0 : qh + 1;
      inQueue[u] = 0;
      const pu = pot[u]!;
      for (let a = head[u]!; a !== NONE; a = next[a]!) {
        if (res[a]! <= 0) continue;
        const v = arcHead(a);
        const nd = pu + arcCost(a);
        if (nd < pot[v]!) {
          pot[v] = nd;
          edgesOnPath[v] = edgesOnPath[u]! + 1;
          if (edgesOnPath[v]! >= n) throw new Error('min-cost flow: negative-cost cycle reachable from the source');
          if (inQueue[v] === 0) {
            inQueue[v] = 1;
            queue[qt] = v;
            qt = qt === n ? 0 : qt + 1;
          }
        }
      }
    }
  }

  const solveLex = (source: number, sink: number, priority: readonly number[] = []): FlowResult => {
    assertNode(source, 'source');
    assertNode(sink, 'sink');
    const seen = new Set<number>();
    for (const e of priority) {
      if (!Number.isInteger(e) || e < 0 || e >= m) throw new RangeError(`priority edge ${e} is not an edge (have ${m})`);
      if (arcTo[2 * e + 1] !== source || arcTo[2 * e] === source) throw new RangeError(`priority edge ${e} does not leave the source`);
      if (seen.has(e)) throw new RangeError(`priority edge ${e} listed twice`);
      seen.add(e);
    }
    // A cycle through the source would count towards a priority edge
    // without reaching the sink.
    if (priority.length > 0) {
      const e = edgeInto(arcTo, cap, m, source);
      if (e !== -1) throw new RangeError(`edge ${e} enters the source: priorities need a source without incoming edges`);
    }
    const edges = m;
    if (source === sink) return { flow: 0, cost: 0, rounds: 0, augmentations: 0, edgeFlow: checked(edges, () => 0) };
    const r = solveLexicographic({ n, m, arcTo, cap, cost }, source, sink, priority, buffers);
    return { flow: r.flow, cost: r.cost, rounds: r.rounds, augmentations: r.augmentations, edgeFlow: checked(edges, r.edgeFlow) };
  };

  return {
    solveLexicographic: solveLex,
    arrays: () => ({ n, m, arcTo: arcTo.subarray(0, 2 * m), cap: cap.subarray(0, m), cost: cost.subarray(0, m) }),
    get nodeCount() {
      return n;
    },
    get edgeCount() {
      return m;
    },
    addNode,
    addEdge,
    solve,
  };
}
