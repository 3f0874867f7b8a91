/**
 * Lexicographic max flow, then min cost: push-relabel max flows stage by
 * stage, then cost-scaling push-relabel (Goldberg) on the result — or, when
 * every cost is ≥ 0 and only priority edges leave the source (the matching
 * networks), primal-dual from zero flow on the network with the priority
 * edges capped at their stage flows (primal-dual.ts; see `cheapestCappedFlow`),
 * which hands over to cost scaling from its potentials when it progresses
 * slowly (see `LIMITS`).
 *
 * Contract (see `MinCostFlowNetwork.solveLexicographic`):
 * - `priority` lists edges that leave the source. The flow first maximises
 *   the flow through priority[0]; keeping that, the flow through priority[1];
 *   and so on; then the total flow (through the source's other edges too).
 *   Among all flows that do all of that, it has the least cost — exactly,
 *   for integer capacities and costs, and even if the network has negative
 *   cycles (cost scaling finds a min-cost circulation, not just paths).
 * - Deterministic: arcs are scanned in edge-id order and every queue is FIFO.
 *
 * Why stages give the lexicographic optimum: an augmenting path is simple, so
 * it leaves the source once and never lowers the flow on a source edge. After
 * stage k the flow is a max flow of the network with priority[0..k] only, and
 * stage k+1 augments from it with the earlier edges frozen (no path can add
 * flow to them: such a path would have existed in stage k). So every prefix
 * of the priority list carries its own maximum at once.
 *
 * Then the cost: freeze the priority edges at their flows and keep the total.
 * A flow of that total with those edges fixed is exactly a lexicographically
 * maximal flow, so a min-cost circulation from there (cost scaling, which
 * keeps every node's excess at 0 in the end) is the answer.
 *
 * Cost scaling: costs × (n + 1); ε-optimal (every residual arc's reduced
 * cost ≥ −ε) with ε = 1 then means (1/(n+1))-optimal in the original costs,
 * which for integers is optimal. Each phase divides ε by ALPHA, saturates
 * the arcs that break ε-optimality and pushes the excess back along
 * admissible arcs (reduced cost < 0), relabelling by the largest price drop
 * that keeps ε-optimality. Heuristics (as in CS2/LEMON): push look-ahead
 * (a node that could only send the flow back is relabelled before anything
 * is pushed into it) and a global price update (a Dial search from the
 * deficits in units of ε) every n relabels. Prices stay integers well
 * within 2^53, so everything is exact.
 *
 * Memory: a CSR copy of the graph per solve — per edge two arcs of head,
 * reverse, residual and cost (40 bytes on the primal-dual path, 48 with cost
 * scaling's scaled costs) plus 4 bytes of index, and in primal-dual 16 bytes of
 * admissible-arc lists (arc ids and their heads) and 2 of reverse-residual
 * flags. The CSR is filled edge by edge (both arcs of an edge
 * in turn, which is arc-id order), so no arc → position map is needed. With
 * `FlowBuffers` these arrays are borrowed and reused by the next solve.
 *
 * Shape: the state lives in one object of typed arrays (`Solver`) and each
 * phase is a small top-level function (CSR build, global relabel, one max-flow
 * stage, saturation, refine, relabel, look-ahead, price update). One large
 * function with closures deoptimised about 20 times in a fresh process while
 * its parts warmed up; small monomorphic functions are optimised one by one.
 */

import { float64, int32, type FlowBuffers } from './buffers.ts';
import { keepShape } from './keep-shape.ts';
import { primalDual } from './primal-dual.ts';

const ALPHA = 8;

export interface CsrInput {
  n: number;
  m: number;
  /** arcTo[2e] = head of edge e, arcTo[2e+1] = its tail. */
  arcTo: Int32Array;
  cap: Float64Array;
  cost: Float64Array;
}

export interface LexResult {
  flow: number;
  cost: number;
  rounds: number;
  augmentations: number;
  /** Which algorithm found the cheapest flow (tests check that both are exercised). */
  method: 'primal-dual' | 'cost-scaling' | 'primal-dual, then cost scaling';
  /** Residual capacity of each edge's reverse arc = its flow. */
  edgeFlow(e: number): number;
}

/** Everything the phases share; arcs grouped by tail (CSR), in arc-id order inside a node. */
class Solver {
  readonly n: number;
  readonly m: number;
  readonly source: number;
  readonly sink: number;
  readonly first: Int32Array;
  readonly target: Int32Array;
  readonly rev: Int32Array;
  /**
   * Int32 when every capacity fits (a residual never exceeds its edge's
   * capacity), Float64 otherwise: half the bytes on the usual networks.
   */
  readonly res: Int32Array | Float64Array;
  /** CSR position of each edge's forward arc. */
  readonly fwd: Int32Array;
  readonly excess: Float64Array;
  readonly label: Int32Array;
  readonly cur: Int32Array;
  readonly queue: Int32Array;
  readonly inQueue: Uint8Array;
  readonly bfsQueue: Int32Array;
  /** Cost scaling only (allocated when it starts). */
  c: Float64Array = new Float64Array(0);
  pi: Float64Array = new Float64Array(0);
  bucket: Int32Array = new Int32Array(0);
  bNext: Int32Array = new Int32Array(0);
  bPrev: Int32Array = new Int32Array(0);
  rank: Int32Array = new Int32Array(0);
  maxRank = 0;
  eps = 1;
  relabels = 0;
  /** The stage max flow's FIFO queue tail and relabels since its last global relabel (see discharge). */
  qTail = 0;
  stageRelabels = 0;
  rounds = 0;
  augmentations = 0;
  /** Blocked edges with their residuals: [edge, forward, reverse, …]. */
  frozen: number[] = [];

  readonly buffers: FlowBuffers | undefined;

  constructor(g: CsrInput, source: number, sink: number, buffers: FlowBuffers | undefined) {
    const { n, m, arcTo, cap } = g;
    this.n = n;
    this.m = m;
    this.source = source;
    this.sink = sink;
    this.buffers = buffers;
    const first = arcStarts(arcTo, n, m);
    prefixSums(first, n);
    const target = int32(buffers, 'lex.target', 2 * m);
    const rev = int32(buffers, 'lex.rev', 2 * m);
    const res = largest(cap, m) <= 0x7fffffff ? int32(buffers, 'lex.res', 2 * m) : float64(buffers, 'lex.res', 2 * m);
    const fwd = int32(buffers, 'lex.fwd', m);
    fillArcs(arcTo, cap, m, first.slice(0, n), target, rev, res, fwd);
    this.first = first;
    this.target = target;
    this.rev = rev;
    this.res = res;
    this.fwd = fwd;
    this.excess = new Float64Array(n);
    this.label = new Int32Array(n);
    this.cur = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.inQueue = new Uint8Array(n);
    this.bfsQueue = new Int32Array(n);
  }
}

/*
 * Why the constructor's loops (and those of the phases below) are functions
 * of their own, each with one long loop and nothing after it but a return:
 * V8 compiles a long loop while it runs (on-stack replacement) in the first
 * call, before the code after the loop has ever run, so that code has no type
 * feedback and the compiled loop deoptimises on reaching it — every call,
 * once per component — and a second long loop gets a compilation of its own.
 */

/** Arcs per tail, at the next node's slot (prefixSums then makes them CSR starts). */
function arcStarts(arcTo: Int32Array, n: number, m: number): Int32Array {
  const first = new Int32Array(n + 1);
  for (let a = 0; a < 2 * m; a++) first[arcTo[a ^ 1]! + 1]!++;
  return first;
}

function prefixSums(first: Int32Array, n: number): void {
  for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
}

function largest(cap: Float64Array, m: number): number {
  let capMax = 0;
  for (let e = 0; e < m; e++) if (cap[e]! > capMax) capMax = cap[e]!;
  return capMax;
}

function fillArcs(
  arcTo: Int32Array,
  cap: Float64Array,
  m: number,
  fill: Int32Array,
  target: Int32Array,
  rev: Int32Array,
  res: Int32Array | Float64Array,
  fwd: Int32Array,
): void {
  for (let e = 0; e < m; e++) {
    const head = arcTo[2 * e]!;
    const tail = arcTo[2 * e + 1]!;
    const f = fill[tail]!++;
    const r = fill[head]!++;
    target[f] = head;
    target[r] = tail;
    rev[f] = r;
    rev[r] = f;
    res[f] = cap[e]!;
    fwd[e] = f;
  }
}

// The phases below are optimised for Solver's map: keep it (keep-shape.ts).
keepShape(new Solver({ n: 0, m: 0, arcTo: new Int32Array(0), cap: new Float64Array(0), cost: new Float64Array(0) }, 0, 0, undefined));

// ---- Stage max flows (FIFO push-relabel, global relabelling) ----

/** Breadth-first labels against residual arcs, from the nodes already in bfsQueue[qh..qt). */
function bfsLabels(s: Solver, qh: number, qt: number): void {
  const { first, target, rev, res, label, bfsQueue } = s;
  const unseen = 2 * s.n;
  while (qh < qt) {
    const w = bfsQueue[qh++]!;
    const lw = label[w]! + 1;
    for (let a = first[w]!, end = first[w + 1]!; a < end; a++) {
      const v = target[a]!;
      if (label[v] === unseen && res[rev[a]!]! > 0) {
        label[v] = lw;
        bfsQueue[qt++] = v;
      }
    }
  }
}

function globalRelabel(s: Solver): void {
  const { n, label, bfsQueue, cur, first } = s;
  label.fill(2 * n);
  label[s.sink] = 0;
  bfsQueue[0] = s.sink;
  bfsLabels(s, 0, 1);
  // Excess that cannot reach the sink goes back to the source: the other
  // nodes are labelled n + their distance to it.
  label[s.source] = n;
  bfsQueue[0] = s.source;
  bfsLabels(s, 0, 1);
  for (let v = 0; v < n; v++) cur[v] = first[v]!;
}

function stage(s: Solver): void {
  s.rounds++;
  s.excess.fill(0);
  saturateSource(s);
  globalRelabel(s);
  discharge(s, enqueueActive(s));
}

/** Pushes every source arc's residual to its head. */
function saturateSource(s: Solver): void {
  const { source, first, target, rev, res, excess } = s;
  for (let a = first[source]!, end = first[source + 1]!; a < end; a++) {
    const d = res[a]!;
    if (d > 0) {
      res[a] = 0;
      res[rev[a]!]! += d;
      excess[target[a]!]! += d;
    }
  }
}

/** Queues every node with excess (other than source and sink); returns the queue's tail. */
function enqueueActive(s: Solver): number {
  const { n, source, sink, excess, queue, inQueue } = s;
  let qt = 0;
  for (let v = 0; v < n; v++) {
    if (excess[v]! > 0 && inQueue[v] === 0 && v !== source && v !== sink) {
      inQueue[v] = 1;
      queue[qt] = v;
      qt = qt + 1 === n ? 0 : qt + 1;
    }
  }
  return qt;
}

/**
 * FIFO push-relabel from the queued nodes until none has excess. The work
 * for one node is its own function (dischargeNode, the queue's tail and the
 * relabel count in the state): nested in one function, V8 compiled these
 * loops while they first ran, before any relabel, and the relabel then
 * deoptimised the compiled code — five compilations of this phase in a
 * fresh 1× call. A function called per node is compiled from its entry,
 * once the relabels have run.
 */
function discharge(s: Solver, tail: number): void {
  const { n, queue, inQueue } = s;
  let qh = 0;
  s.qTail = tail;
  s.stageRelabels = 0;
  while (qh !== s.qTail) {
    const u = queue[qh]!;
    qh = qh + 1 === n ? 0 : qh + 1;
    inQueue[u] = 0;
    dischargeNode(s, u);
  }
}

function dischargeNode(s: Solver, u: number): void {
  const { n, source, sink, first, target, rev, res, excess, label, cur, queue, inQueue } = s;
  const end = first[u + 1]!;
  while (excess[u]! > 0) {
    const lu = label[u]! - 1;
    let a = cur[u]!;
    for (; a < end; a++) {
      if (res[a]! > 0 && label[target[a]!] === lu) {
        const v = target[a]!;
        const d = Math.min(excess[u]!, res[a]!);
        res[a]! -= d;
        res[rev[a]!]! += d;
        excess[u]! -= d;
        excess[v]! += d;
        s.augmentations++;
        if (inQueue[v] === 0 && v !== source && v !== sink) {
          inQueue[v] = 1;
          queue[s.qTail] = v;
          s.qTail = s.qTail + 1 === n ? 0 : s.qTail + 1;
        }
        if (excess[u] === 0) break;
      }
    }
    if (a < end) {
      cur[u] = a;
      return;
    }
    let low = 4 * n;
    for (let b = first[u]!; b < end; b++) if (res[b]! > 0 && label[target[b]!]! < low) low = label[target[b]!]!;
    label[u] = low + 1;
    cur[u] = first[u]!;
    if (++s.stageRelabels >= n) {
      s.stageRelabels = 0;
      if (inQueue[u] === 0 && u !== source && u !== sink) {
        inQueue[u] = 1;
        queue[s.qTail] = u;
        s.qTail = s.qTail + 1 === n ? 0 : s.qTail + 1;
      }
      globalRelabel(s);
      return;
    }
  }
}

function block(s: Solver, e: number): void {
  const f = s.fwd[e]!;
  const r = s.rev[f]!;
  s.frozen.push(e, s.res[f]!, s.res[r]!);
  s.res[f] = 0;
  s.res[r] = 0;
}

function unblockAll(s: Solver): void {
  const { frozen, fwd, rev, res } = s;
  for (let k = 0; k < frozen.length; k += 3) {
    const f = fwd[frozen[k]!]!;
    res[f] = frozen[k + 1]!;
    res[rev[f]!] = frozen[k + 2]!;
  }
  frozen.length = 0;
}

// ---- Cost scaling from the max flow ----

/** Dial search from the deficit nodes; lowers prices by ε × rank. */
function priceUpdate(s: Solver): void {
  const { n, first, target, rev, res, c, pi, excess, cur, bucket, bNext, bPrev, rank, maxRank, eps } = s;
  bucket.fill(-1);
  let total = 0;
  for (let v = 0; v < n; v++) {
    if (excess[v]! < 0) {
      rank[v] = 0;
      bPrev[v] = -1;
      bNext[v] = bucket[0]!;
      if (bucket[0] !== -1) bPrev[bucket[0]!] = v;
      bucket[0] = v;
    } else {
      rank[v] = maxRank;
      total += excess[v]!;
    }
  }
  if (total === 0) return;
  let r = 0;
  outer: for (; r < maxRank; r++) {
    while (bucket[r] !== -1) {
      const u = bucket[r]!;
      bucket[r] = bNext[u]!;
      if (bNext[u] !== -1) bPrev[bNext[u]!] = -1;
      const pu = pi[u]!;
      for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
        const v = target[a]!;
        const old = rank[v]!;
        // Cheapest test first: most arcs lead to nodes already ranked ≤ r.
        if (r >= old) continue;
        const ra = rev[a]!;
        if (res[ra]! <= 0) continue;
        // Arc v → u: length floor(rc / ε) + 1 ≥ 0 since rc ≥ −ε. For an
        // integer k, floor(rc / ε) ≥ k ⇔ rc ≥ k·ε (all exact integers), so
        // the division is only needed when the rank improves.
        const rc = c[ra]! + pi[v]! - pu;
        if (rc >= (old - 1 - r) * eps) continue;
        const nr = r + 1 + Math.floor(rc / eps);
        if (old < maxRank) {
          if (bPrev[v] === -1) bucket[old] = bNext[v]!;
          else bNext[bPrev[v]!] = bNext[v]!;
          if (bNext[v] !== -1) bPrev[bNext[v]!] = bPrev[v]!;
        }
        rank[v] = nr;
        bPrev[v] = -1;
        bNext[v] = bucket[nr]!;
        if (bucket[nr] !== -1) bPrev[bucket[nr]!] = v;
        bucket[nr] = v;
      }
      if (excess[u]! > 0) {
        total -= excess[u]!;
        if (total <= 0) break outer;
      }
    }
  }
  for (let v = 0; v < n; v++) {
    const k = Math.min(rank[v]!, r);
    if (k > 0) {
      pi[v]! -= eps * k;
      cur[v] = first[v]!;
    }
  }
}

/** Saturates every arc with negative reduced cost (the start of a phase). */
function saturate(s: Solver): void {
  const { n, first, target, rev, res, c, pi, excess } = s;
  for (let u = 0; u < n; u++) {
    const pu = pi[u]!;
    for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
      const d = res[a]!;
      if (d > 0 && c[a]! + pu - pi[target[a]!]! < 0) {
        res[a] = 0;
        res[rev[a]!]! += d;
        excess[u]! -= d;
        excess[target[a]!]! += d;
      }
    }
  }
}

/** Lowers v's price as far as ε-optimality allows; false when v has no residual arc. */
function relabel(s: Solver, v: number): boolean {
  const { first, target, res, c, pi } = s;
  const pv = pi[v]!;
  let low = Number.POSITIVE_INFINITY;
  for (let b = first[v]!, end = first[v + 1]!; b < end; b++) {
    if (res[b]! > 0) {
      const rc = c[b]! + pv - pi[target[b]!]!;
      if (rc < low) low = rc;
    }
  }
  if (low === Number.POSITIVE_INFINITY) return false;
  pi[v] = pv - (low + s.eps);
  s.cur[v] = first[v]!;
  // A global price update after every n relabels (CS2 and LEMON do about the same).
  if (++s.relabels >= s.n) {
    s.relabels = 0;
    priceUpdate(s);
  }
  return true;
}

/** Whether v (no excess) can pass a unit on at once: an admissible arc (cur[v] advances to it). */
function hasAdmissible(s: Solver, v: number): boolean {
  const { first, target, res, c, pi, cur } = s;
  const pv = pi[v]!;
  const end = first[v + 1]!;
  let b = cur[v]!;
  for (; b < end; b++) if (res[b]! > 0 && c[b]! + pv - pi[target[b]!]! < 0) break;
  cur[v] = b;
  return b < end;
}

/** One ε phase: push the excess back along admissible arcs until none is left. */
function refine(s: Solver): void {
  const { n, first, target, rev, res, c, pi, excess, cur, queue, inQueue } = s;
  let qh = 0;
  let qt = 0;
  let size = 0;
  for (let v = 0; v < n; v++) {
    cur[v] = first[v]!;
    if (excess[v]! > 0) {
      inQueue[v] = 1;
      queue[qt] = v;
      qt = qt + 1 === n ? 0 : qt + 1;
      size++;
    }
  }
  s.relabels = 0;
  let augmentations = 0;
  while (size > 0) {
    const u = queue[qh]!;
    qh = qh + 1 === n ? 0 : qh + 1;
    size--;
    inQueue[u] = 0;
    const end = first[u + 1]!;
    while (excess[u]! > 0) {
      let a = cur[u]!;
      for (; a < end; a++) {
        if (res[a]! <= 0) continue;
        const v = target[a]!;
        if (c[a]! + pi[u]! - pi[v]! >= 0) continue;
        // Push look-ahead: a node with neither a deficit nor an admissible
        // arc would only send the flow back; relabel it first, then see
        // whether the arc is still admissible.
        if (excess[v]! >= 0 && !hasAdmissible(s, v)) {
          relabel(s, v);
          if (c[a]! + pi[u]! - pi[v]! >= 0) continue;
        }
        const d = Math.min(excess[u]!, res[a]!);
        res[a]! -= d;
        res[rev[a]!]! += d;
        excess[u]! -= d;
        excess[v]! += d;
        augmentations++;
        if (excess[v]! > 0 && inQueue[v] === 0) {
          inQueue[v] = 1;
          queue[qt] = v;
          qt = qt + 1 === n ? 0 : qt + 1;
          size++;
        }
        if (excess[u] === 0) break;
      }
      if (a < end) {
        cur[u] = a;
        break;
      }
      if (!relabel(s, u)) throw new Error('cost scaling: excess with no residual arc (infeasible)');
    }
  }
  s.augmentations += augmentations;
}

/**
 * Cost scaling from the current flow (a lexicographically maximal one). With
 * `warm` potentials (primal-dual's, under which only a few arcs still have a
 * negative reduced cost) the prices start there and ε at the largest such
 * violation instead of the largest cost: same phases, far less to repair.
 */
function costScaling(s: Solver, cap: Float64Array, cost: Float64Array, priority: readonly number[], warm: Int32Array | null = null): void {
  const { n, m, fwd, rev } = s;
  const scale = n + 1;
  const c = float64(s.buffers, 'lex.cost', 2 * m);
  let maxCost = 0;
  for (let e = 0; e < m; e++) {
    const v = cost[e]! * scale;
    c[fwd[e]!] = v;
    c[rev[fwd[e]!]!] = -v;
    if (Math.abs(v) > maxCost && cap[e]! > 0) maxCost = Math.abs(v);
  }
  s.c = c;
  for (const e of priority) block(s, e);
  s.pi = new Float64Array(n);
  if (warm !== null) {
    const { first, target, res, pi } = s;
    for (let v = 0; v < n; v++) pi[v] = warm[v]! * scale;
    let worst = 0;
    for (let u = 0; u < n; u++) {
      for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
        if (res[a]! > 0) worst = Math.max(worst, -(c[a]! + pi[u]! - pi[target[a]!]!));
      }
    }
    // The flow is `worst`-optimal: the first phase is at worst / ALPHA, as
    // it is at the largest cost / ALPHA from zero prices.
    maxCost = worst;
  }
  s.excess.fill(0);
  s.maxRank = 4 * n + 8;
  s.bucket = new Int32Array(s.maxRank + 1);
  s.bNext = new Int32Array(n);
  s.bPrev = new Int32Array(n);
  s.rank = new Int32Array(n);
  let eps = maxCost;
  do {
    eps = Math.max(1, Math.floor(eps / ALPHA));
    s.eps = eps;
    s.rounds++;
    saturate(s);
    refine(s);
  } while (eps > 1);
  unblockAll(s);
}

// ---- Fast path: non-negative costs, only priority edges leave the source ----

/**
 * Whether the primal-dual fast path applies: every edge that can carry flow
 * costs ≥ 0, potentials fit Int32 (n × largest cost < 2^29), and with
 * priorities, no other edge with capacity leaves the source.
 */
function smallCostsOnly(g: CsrInput, priorities: number, isPriority: Uint8Array, sourceEdges: readonly number[], source: number): boolean {
  const { n, arcTo, cap } = g;
  const maxCost = largestUsableCost(g);
  if (maxCost < 0 || maxCost * (n + 1) >= 2 ** 29) return false;
  if (priorities > 0) {
    for (const e of sourceEdges) if (isPriority[e] === 0 && arcTo[2 * e + 1] === source && cap[e]! > 0) return false;
  }
  return true;
}

/** The largest cost of an edge with capacity, or −1 if one costs less than 0. */
function largestUsableCost(g: CsrInput): number {
  const { m, cap, cost } = g;
  let maxCost = 0;
  for (let e = 0; e < m; e++) {
    if (cap[e]! <= 0) continue;
    const w = cost[e]!;
    if (w < 0) return -1;
    if (w > maxCost) maxCost = w;
  }
  return maxCost;
}

/** Residuals back to the zero flow on the uncapped network, and each arc's cost (a reverse arc's negated). */
function resetWithCosts(s: Solver, cap: Float64Array, cost: Float64Array, c: Int32Array): void {
  const { m, fwd, rev, res } = s;
  for (let e = 0; e < m; e++) {
    const f = fwd[e]!;
    res[f] = cap[e]!;
    res[rev[f]!] = 0;
    c[f] = cost[e]!;
    c[rev[f]!] = -cost[e]!;
  }
}

/**
 * Caps every priority edge at its stage flow f_k and solves a min-cost max
 * flow from zero on that network. Why that is the lexicographic answer: only
 * priority edges leave the source, so a flow of the capped network carries at
 * most Σ f_k, which the stage flow attains; every max flow of it therefore
 * carries exactly f_k on each priority edge, i.e. every prefix at its
 * maximum. Conversely a lexicographically maximal flow of the original
 * network has those prefix sums, so exactly f_k per priority edge, and is a
 * max flow of the capped one. Same set of flows, so the cheapest is the same.
 * Without priorities it is plain min-cost max flow.
 */
function cheapestCappedFlow(s: Solver, cap: Float64Array, cost: Float64Array, priority: readonly number[], limits: PrimalDualLimits): boolean {
  const { m, fwd, rev, res } = s;
  const stageFlow = priority.map((e) => res[rev[fwd[e]!]!]!);
  const c = int32(s.buffers, 'lex.cost', 2 * m);
  resetWithCosts(s, cap, cost, c);
  for (let k = 0; k < priority.length; k++) res[fwd[priority[k]!]!] = stageFlow[k]!;
  // With priorities the flow to route is known (Σ f_k): see LIMITS.
  const target = stageFlow.reduce((sum, f) => sum + f, 0);
  const p = limits.progress;
  const progress = p !== null && priority.length > 0 && s.n >= p.nodes ? { rounds: p.rounds, flow: target * p.share } : null;
  const r = primalDual(s, c, s.source, s.sink, s.buffers, limits.rounds, progress);
  s.rounds += r.rounds;
  s.augmentations += r.augmentations;
  if (r.done) return true;
  // Out of rounds: complete the flow to a maximum of the capped network (a
  // max-flow stage from where primal-dual stopped; that puts every priority
  // edge at its f_k again), lift the caps, and let cost scaling finish from
  // primal-dual's potentials.
  stage(s);
  for (let k = 0; k < priority.length; k++) {
    const e = priority[k]!;
    s.res[fwd[e]!]! += cap[e]! - stageFlow[k]!;
  }
  costScaling(s, cap, cost, priority, r.pot);
  return false;
}

/**
 * When primal-dual hands over to cost scaling. It needs one round (a search
 * over the whole network) per distinct shortest-path length, so it wins when
 * path costs are few and most of the flow goes at the first lengths — the
 * bench county's components take 24–31 rounds at 1× and 2× and have routed
 * 66–82 % of their flow after 4 — and loses on congested networks whose
 * units travel ever longer alternating paths (bench/flow.ts's random
 * 20,000 × 5,000 instance: 20 % after 4 rounds, 126 rounds in all, the last
 * 90 routing 0.4 % of the flow); from there the warm cost scaling takes about
 * 6 phases. Cutting the matching networks short instead costs more than their
 * last rounds (1× county, after 12 or 20 rounds: CPU 2.5–3.0 s against
 * 1.6–1.8 s), hence a progress test rather than a tight round budget; the
 * budget only bounds a long tail.
 */
export interface PrimalDualLimits {
  /** Rounds at most. */
  rounds: number;
  /**
   * After `rounds` rounds, less than `share` of the flow routed hands over —
   * on networks of at least `nodes` nodes (smaller ones are quick either way).
   */
  progress: { rounds: number; share: number; nodes: number } | null;
}

const LIMITS: PrimalDualLimits = { rounds: 64, progress: { rounds: 4, share: 0.5, nodes: 4096 } };

/** Edges with an end at v (the source: few, against m in all). */
function edgesAt(arcTo: Int32Array, m: number, v: number): number[] {
  const edges: number[] = [];
  for (let e = 0; e < m; e++) if (arcTo[2 * e + 1] === v || arcTo[2 * e] === v) edges.push(e);
  return edges;
}

/** Σ flow × cost over the edges. */
function flowCost(s: Solver, cost: Float64Array): number {
  const { m, res, rev, fwd } = s;
  let total = 0;
  for (let e = 0; e < m; e++) {
    const f = res[rev[fwd[e]!]!]!;
    if (f !== 0) total += f * cost[e]!;
  }
  return total;
}

/** Flow out of the source less flow into it (loops at the source count neither way). */
function netOutflow(s: Solver, arcTo: Int32Array, sourceEdges: readonly number[]): number {
  const { res, rev, fwd, source } = s;
  let flow = 0;
  for (const e of sourceEdges) {
    const f = res[rev[fwd[e]!]!]!;
    if (arcTo[2 * e + 1] === source && arcTo[2 * e] !== source) flow += f;
    if (arcTo[2 * e] === source && arcTo[2 * e + 1] !== source) flow -= f;
  }
  return flow;
}

export function solveLexicographic(
  g: CsrInput,
  source: number,
  sink: number,
  priority: readonly number[],
  buffers?: FlowBuffers,
  limits: PrimalDualLimits = LIMITS,
): LexResult {
  const { m, arcTo, cap, cost } = g;
  const s = new Solver(g, source, sink, buffers);

  // Priority edges: validated by the caller to leave the source.
  const isPriority = new Uint8Array(m);
  for (const e of priority) isPriority[e] = 1;
  const sourceEdges = edgesAt(arcTo, m, source);

  const fast = source !== sink && smallCostsOnly(g, priority.length, isPriority, sourceEdges, source);
  if (source !== sink) {
    // On the fast path only the priority edges leave the source, so the
    // last stage (every priority edge blocked) could not add anything.
    const stages = fast ? priority.length : priority.length + 1;
    for (let k = 0; k < stages; k++) {
      for (const e of sourceEdges) {
        if (k < priority.length ? e !== priority[k] : isPriority[e] === 1) block(s, e);
      }
      stage(s);
      unblockAll(s);
    }
  }

  const finished = fast ? cheapestCappedFlow(s, cap, cost, priority, limits) : false;
  if (!fast) costScaling(s, cap, cost, priority);

  const { res, rev, fwd } = s;
  return {
    flow: netOutflow(s, arcTo, sourceEdges),
    cost: flowCost(s, cost),
    rounds: s.rounds,
    augmentations: s.augmentations,
    method: !fast ? 'cost-scaling' : finished ? 'primal-dual' : 'primal-dual, then cost scaling',
    edgeFlow: (e) => res[rev[fwd[e]!]!]!,
  };
}
