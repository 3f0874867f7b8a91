/**
 * Min-cost max flow from zero flow for non-negative integer costs: primal-dual
 * (successive shortest paths, one max flow per distinct path length) on the
 * CSR arrays of `lexicographic.ts`. It is the fast path of
 * `solveLexicographic` when every cost is ≥ 0 and the priority edges are the
 * only edges leaving the source (see there for why the capped network's
 * cheapest max flow is the lexicographic answer).
 *
 * Why it is exact: potentials start at 0, so every residual arc has reduced
 * cost ≥ 0 (costs are ≥ 0 and the flow is empty). Each round
 * - finds shortest distances d from the source on reduced costs (Dial's
 *   buckets: integers ≥ 0), stopping when the sink is settled at D;
 * - sets pot += min(d, D): a minimum of feasible potential shifts is feasible,
 *   so every residual arc keeps reduced cost ≥ 0, and every arc of a shortest
 *   source–sink path gets reduced cost 0 (its ends have d ≤ D); or, the
 *   same backwards, distances d to the sink until the source is settled
 *   and pot −= min(d, D) — each round takes the side that reached fewer
 *   arcs when it last searched;
 * - saturates the zero-reduced-cost ("admissible") arcs with a max flow
 *   (ISAP). Admissible arcs have reduced cost 0 and so do their reverses, so
 *   reduced costs stay ≥ 0: the flow is always a min-cost flow of its value
 *   (no negative residual cycle), and when the sink can no longer be reached
 *   it is a maximum flow, hence a min-cost max flow.
 * All values are integers well inside 2^31 (guarded by the caller: n × the
 * largest cost < 2^29 bounds every potential and distance), so Int32 arrays
 * are exact. Rounds = distinct shortest-path lengths: about 30 on the matching
 * networks (path costs are small banded integers), not one per path.
 *
 * Shape: as in lexicographic.ts, one state object and small top-level
 * functions, so a fresh process optimises each on its own.
 */

import { int32, type FlowBuffers } from './buffers.ts';
import { keepShape } from './keep-shape.ts';

export interface Residual {
  readonly n: number;
  readonly first: Int32Array;
  readonly target: Int32Array;
  readonly rev: Int32Array;
  /** Residual capacity per CSR arc, set up by the caller (flow 0). */
  readonly res: Int32Array | Float64Array;
}

const INF = 0x7fffffff;
/** Buckets in one page of Dial's queue; farther distances wait for the next page. */
const PAGE = 1024;
/**
 * Fresh labels (a breadth-first search) after this many relabels per node:
 * on the bench county 0.1 n visits the fewest arcs in all (67 M over the five
 * components, against 74 M at 0.5 n and 80 M at n; fewer searches leave nodes
 * climbing one label at a time, more repeat the search).
 */
const RELABEL_PERIOD = 0.1;

class PrimalDual {
  readonly n: number;
  readonly source: number;
  readonly sink: number;
  readonly first: Int32Array;
  readonly target: Int32Array;
  readonly rev: Int32Array;
  readonly res: Int32Array | Float64Array;
  /** Cost per CSR arc (a reverse arc has the negated cost). */
  readonly c: Int32Array;
  readonly pot: Int32Array;
  readonly dist: Int32Array;
  readonly done: Uint8Array;
  readonly bucket: Int32Array;
  readonly bNext: Int32Array;
  readonly bPrev: Int32Array;
  /** ISAP: labels (admissible distance to the sink), nodes per label, BFS queue, current arc, path. */
  readonly label: Int32Array;
  readonly count: Int32Array;
  readonly queue: Int32Array;
  readonly iter: Int32Array;
  readonly path: Int32Array;
  /**
   * queue[0..labelled) holds every node whose label may be below n (those
   * the last breadth-first search reached; the max flow relabels only nodes
   * it entered, which are among them): the next search resets just these,
   * not all n labels and counts.
   */
  labelled = 0;
  /**
   * The round's admissible arcs (CSR arc ids), grouped by tail. Room for half
   * the arcs at first, doubled when a round needs more: on the bench county
   * at most 41 % of the arcs are admissible in a round.
   */
  readonly aFirst: Int32Array;
  adm: Int32Array;
  /**
   * Head of each admissible arc, beside `adm`: the max flow and its
   * breadth-first labels read it for every arc they scan, and in this copy
   * it is read in order rather than at a random CSR position.
   */
  admTo: Int32Array;
  /**
   * Arcs scanned by the last search from the source and by the last one
   * from the sink (0 before the first): each round searches from the side
   * that scanned fewer (see `primalDual`).
   */
  fromSource = 0;
  fromSink = 0;
  /**
   * revOpen[a] = 1 when the reverse of arc a has residual capacity, kept in
   * step by `augment`: the search from the sink tests it in CSR order
   * instead of reading res[rev[a]] at a random position for every arc, and
   * the breadth-first labels read one byte (an array a quarter the size of
   * `res`) instead of `rev` and `res`.
   */
  readonly revOpen: Uint8Array;
  rounds = 0;
  augmentations = 0;

  constructor(g: Residual, c: Int32Array, source: number, sink: number, buffers: FlowBuffers | undefined) {
    const { n } = g;
    this.n = n;
    this.source = source;
    this.sink = sink;
    this.first = g.first;
    this.target = g.target;
    this.rev = g.rev;
    this.res = g.res;
    this.c = c;
    this.pot = new Int32Array(n);
    this.dist = new Int32Array(n);
    this.done = new Uint8Array(n);
    this.bucket = new Int32Array(PAGE);
    this.bNext = new Int32Array(n);
    this.bPrev = new Int32Array(n);
    this.label = new Int32Array(n).fill(n);
    this.count = new Int32Array(n + 1);
    this.queue = new Int32Array(n);
    this.iter = new Int32Array(n);
    this.path = new Int32Array(n);
    this.aFirst = new Int32Array(n + 1);
    this.adm = int32(buffers, 'pd.adm', Math.ceil(g.target.length / 2));
    this.admTo = int32(buffers, 'pd.admTo', this.adm.length);
    const arcs = g.target.length;
    this.revOpen = new Uint8Array(arcs);
    for (let a = 0; a < arcs; a++) if (g.res[g.rev[a]!]! > 0) this.revOpen[a] = 1;
  }
}

// Every function below is optimised for PrimalDual's map: keep it (keep-shape.ts).
keepShape(new PrimalDual({ n: 0, first: new Int32Array(1), target: new Int32Array(0), rev: new Int32Array(0), res: new Int32Array(0) }, new Int32Array(0), 0, 0, undefined));

function bucketInsert(p: PrimalDual, v: number, k: number): void {
  const { bucket, bNext, bPrev } = p;
  const h = bucket[k]!;
  bPrev[v] = -1;
  bNext[v] = h;
  if (h !== -1) bPrev[h] = v;
  bucket[k] = v;
}

function bucketRemove(p: PrimalDual, v: number, k: number): void {
  const { bucket, bNext, bPrev } = p;
  const nx = bNext[v]!;
  const pv = bPrev[v]!;
  if (pv === -1) bucket[k] = nx;
  else bNext[pv] = nx;
  if (nx !== -1) bPrev[nx] = pv;
}

/**
 * Puts every unsettled node with a distance in the page starting at the
 * smallest such distance into the buckets; returns that start, or −1 when no
 * unsettled node has been reached.
 */
function nextPage(p: PrimalDual): number {
  const { n, dist, done } = p;
  let lo = INF;
  for (let v = 0; v < n; v++) if (done[v] === 0 && dist[v]! < lo) lo = dist[v]!;
  if (lo === INF) return -1;
  p.bucket.fill(-1);
  for (let v = 0; v < n; v++) {
    const k = dist[v]! - lo;
    if (done[v] === 0 && k < PAGE) bucketInsert(p, v, k);
  }
  return lo;
}

/** Dial's algorithm on reduced costs until the sink is settled; returns its distance, or −1 if unreachable. */
function shortestPaths(p: PrimalDual): number {
  const { source, sink, first, dist, done, bucket, bNext } = p;
  dist.fill(INF);
  done.fill(0);
  dist[source] = 0;
  let lo = nextPage(p);
  let k = 0;
  let sinkAt = -1;
  p.fromSource = 0;
  for (;;) {
    while (k < PAGE && bucket[k] === -1) k++;
    if (k === PAGE) {
      if (sinkAt >= 0) break;
      lo = nextPage(p);
      if (lo === -1) break;
      k = 0;
      continue;
    }
    const u = bucket[k]!;
    const du = dist[u]!;
    // Settle the sink's whole bucket: nodes at distance exactly D can lie on
    // shortest paths into it.
    if (du > sinkAt && sinkAt >= 0) break;
    bucket[k] = bNext[u]!;
    if (bNext[u] !== -1) p.bPrev[bNext[u]!] = -1;
    done[u] = 1;
    if (u === sink) sinkAt = du;
    // Counted here, not after the loop: see admissibleArcs on code after a long loop.
    p.fromSource += first[u + 1]! - first[u]!;
    relaxOut(p, u, lo);
  }
  return sinkAt;
}

/*
 * The arc scans of both searches are functions of their own, called per
 * settled node. Inside the search, the first node's scan (the source's or
 * the sink's, with thousands of arcs) was long enough for V8 to compile the
 * search while it ran, before the search's own loop had run with type
 * feedback (V8 gives a function its feedback vector only after it has run
 * a while): the compiled search then deoptimised where its loop went on,
 * and was compiled again, up to five times in a fresh call.
 */
function relaxOut(p: PrimalDual, u: number, lo: number): void {
  const { first, target, res, c, pot, dist, done } = p;
  const base = dist[u]! + pot[u]!;
  for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
    if (res[a]! <= 0) continue;
    const v = target[a]!;
    const nd = base + c[a]! - pot[v]!;
    const old = dist[v]!;
    if (nd >= old || done[v] === 1) continue;
    if (old - lo < PAGE) bucketRemove(p, v, old - lo);
    dist[v] = nd;
    if (nd - lo < PAGE) bucketInsert(p, v, nd - lo);
  }
}

function relaxIn(p: PrimalDual, v: number, lo: number): void {
  const { first, target, revOpen, c, pot, dist, done } = p;
  const base = dist[v]! - pot[v]!;
  for (let a = first[v]!, end = first[v + 1]!; a < end; a++) {
    // Arc rev[a] runs from u into v and costs −c[a].
    if (revOpen[a] === 0) continue;
    const u = target[a]!;
    const nd = base - c[a]! + pot[u]!;
    const old = dist[u]!;
    if (nd >= old || done[u] === 1) continue;
    if (old - lo < PAGE) bucketRemove(p, u, old - lo);
    dist[u] = nd;
    if (nd - lo < PAGE) bucketInsert(p, u, nd - lo);
  }
}

/**
 * The same search backwards: distances to the sink on reduced costs (along
 * residual arcs u → v, the reverses of v's CSR arcs), until the source is
 * settled with its whole bucket; returns the source's distance, or −1.
 */
function sinkDistances(p: PrimalDual): number {
  const { source, sink, first, dist, done, bucket, bNext } = p;
  dist.fill(INF);
  done.fill(0);
  dist[sink] = 0;
  let lo = nextPage(p);
  let k = 0;
  let sourceAt = -1;
  p.fromSink = 0;
  for (;;) {
    while (k < PAGE && bucket[k] === -1) k++;
    if (k === PAGE) {
      if (sourceAt >= 0) break;
      lo = nextPage(p);
      if (lo === -1) break;
      k = 0;
      continue;
    }
    const v = bucket[k]!;
    const dv = dist[v]!;
    if (dv > sourceAt && sourceAt >= 0) break;
    bucket[k] = bNext[v]!;
    if (bNext[v] !== -1) p.bPrev[bNext[v]!] = -1;
    done[v] = 1;
    if (v === source) sourceAt = dv;
    p.fromSink += first[v + 1]! - first[v]!;
    relaxIn(p, v, lo);
  }
  return sourceAt;
}

/**
 * Shifts the potentials by the round's distances, capped at D (nodes not
 * settled are at least D away): pot += min(dist, D) for distances from the
 * source, pot −= min(dist, D) for distances to the sink. Either keeps every
 * residual arc's reduced cost ≥ 0 and makes every shortest path's arcs 0.
 */
function updatePotentials(p: PrimalDual, d: number, sign: number): void {
  const { n, pot, dist, done } = p;
  for (let v = 0; v < n; v++) pot[v] = pot[v]! + sign * (done[v] === 1 && dist[v]! < d ? dist[v]! : d);
}

/**
 * The round's admissible arcs, grouped by tail: arcs with reduced cost 0
 * between nodes the search settled (distance ≤ D), with or without residual
 * capacity (pushing along one makes its reverse usable, also at reduced cost
 * 0). Every shortest source–sink path runs through settled nodes, except
 * where a node at distance exactly D was not settled yet when the search
 * stopped (at the sink, or at the source when it searched from the sink);
 * such paths are left to the next round (at distance 0 then), which keeps
 * the flow optimal, since only zero-reduced-cost arcs are ever used.
 * Returns their count (the caller stores it as aFirst[n]): V8 compiles this
 * loop while it runs in the first round (on-stack replacement), before any
 * code after it has run; a store there had no type feedback and sent the
 * compiled loop back to the interpreter at the end of every round.
 */
function admissibleArcs(p: PrimalDual): number {
  const { n, first, target, c, pot, done, aFirst } = p;
  let adm = p.adm;
  let admTo = p.admTo;
  let k = 0;
  for (let u = 0; u < n; u++) {
    aFirst[u] = k;
    if (done[u] === 0) continue;
    const pu = pot[u]!;
    for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
      const v = target[a]!;
      if (done[v] === 1 && c[a]! + pu === pot[v]) {
        if (k === adm.length) {
          const grown = new Int32Array(target.length);
          grown.set(adm);
          p.adm = adm = grown;
          const grownTo = new Int32Array(target.length);
          grownTo.set(admTo);
          p.admTo = admTo = grownTo;
        }
        adm[k] = a;
        admTo[k++] = v;
      }
    }
  }
  return k;
}

/** Admissible distance to the sink for every node (n where the sink cannot be reached); false if the source cannot. */
function sinkLabels(p: PrimalDual): boolean {
  const { n, sink, label, count, queue } = p;
  // Every count above 0 belongs to a label some labelled node holds.
  for (let i = 0, end = p.labelled; i < end; i++) {
    const v = queue[i]!;
    count[label[v]!] = 0;
    label[v] = n;
  }
  label[sink] = 0;
  const qt = labelSearch(p);
  p.labelled = qt;
  if (label[p.source] === n) return false;
  countLabels(p, qt);
  return true;
}

/** Breadth-first search from the sink (labelled 0) along reversed admissible arcs; returns the nodes it reached. */
function labelSearch(p: PrimalDual): number {
  const { n, sink, revOpen, aFirst, adm, admTo, label, queue } = p;
  let qh = 0;
  let qt = 0;
  queue[qt++] = sink;
  while (qh < qt) {
    const v = queue[qh++]!;
    const lv = label[v]! + 1;
    for (let i = aFirst[v]!, end = aFirst[v + 1]!; i < end; i++) {
      const w = admTo[i]!;
      // The reverse of a runs from w into v, admissible too.
      if (label[w] !== n || revOpen[adm[i]!] === 0) continue;
      label[w] = lv;
      queue[qt++] = w;
    }
  }
  return qt;
}

/** Current arcs and nodes per label for queue[0..qt). */
function countLabels(p: PrimalDual, qt: number): void {
  const { aFirst, label, count, queue, iter } = p;
  for (let i = 0; i < qt; i++) {
    const v = queue[i]!;
    iter[v] = aFirst[v]!;
    count[label[v]!]!++;
  }
}

/** Pushes the bottleneck along path[0..depth); returns the index of the first arc it saturates. */
function augment(p: PrimalDual, depth: number): number {
  const { res, rev, path, revOpen } = p;
  let push = Number.POSITIVE_INFINITY;
  for (let i = 0; i < depth; i++) if (res[path[i]!]! < push) push = res[path[i]!]!;
  let cut = -1;
  for (let i = 0; i < depth; i++) {
    const a = path[i]!;
    const r = rev[a]!;
    res[a]! -= push;
    res[r]! += push;
    revOpen[a] = 1;
    if (res[a] === 0) {
      revOpen[r] = 0;
      if (cut === -1) cut = i;
    }
  }
  p.augmentations++;
  return cut;
}

/**
 * ISAP on the admissible arcs (as `solve` in min-cost-flow.ts): advance along
 * arcs one label lower, relabel dead ends; a gap ends it (no admissible path
 * is left). Labels are recomputed by a breadth-first search every
 * `RELABEL_PERIOD` × n relabels — without it nodes climb one label at a time.
 */
function admissibleMaxFlow(p: PrimalDual): void {
  const { n, source, sink, target, rev, res, aFirst, adm, admTo, label, count, iter, path } = p;
  const period = Math.max(64, Math.floor(RELABEL_PERIOD * n));
  let relabels = 0;
  if (!sinkLabels(p)) return;
  let depth = 0;
  let u = source;
  while (label[source]! < n) {
    if (u === sink) {
      const cut = augment(p, depth);
      depth = cut;
      u = target[rev[path[cut]!]!]!;
      continue;
    }
    const want = label[u]! - 1;
    const end = aFirst[u + 1]!;
    let i = iter[u]!;
    for (; i < end; i++) if (label[admTo[i]!] === want && res[adm[i]!]! > 0) break;
    iter[u] = i;
    if (i < end) {
      path[depth++] = adm[i]!;
      u = admTo[i]!;
      continue;
    }
    let low = n - 1;
    for (let j = aFirst[u]!; j < end; j++) {
      const l = label[admTo[j]!]!;
      if (l < low && res[adm[j]!]! > 0) low = l;
    }
    if (--count[label[u]!]! === 0) return;
    label[u] = low + 1;
    count[low + 1]!++;
    iter[u] = aFirst[u]!;
    if (++relabels >= period) {
      relabels = 0;
      if (!sinkLabels(p)) return;
      depth = 0;
      u = source;
      continue;
    }
    if (depth > 0) u = target[rev[path[--depth]!]!]!;
  }
}

/**
 * Flow out of the source: the reverse residuals of its arcs. Only asked for
 * when no edge with capacity enters the source (the caller's `progress` is
 * for networks with priorities, which guarantee that).
 */
function outflow(p: PrimalDual): number {
  const { first, rev, res, source } = p;
  let f = 0;
  for (let a = first[source]!, end = first[source + 1]!; a < end; a++) f += res[rev[a]!]!;
  return f;
}

/**
 * Min-cost max flow from `source` to `sink` on g's residuals (which must hold
 * the zero flow: res = capacity forward, 0 backward), with arc costs `c` ≥ 0
 * forward. Leaves the flow in g.res; returns the rounds and augmentations.
 * After `maxRounds` rounds, or after `progress.rounds` rounds with less than
 * `progress.flow` out of the source, it stops with `done` false: the flow is
 * then a min-cost flow of its (smaller) value, and `pot` potentials under
 * which every residual arc has reduced cost ≥ 0 — the caller finishes.
 */
export function primalDual(
  g: Residual,
  c: Int32Array,
  source: number,
  sink: number,
  buffers?: FlowBuffers,
  maxRounds = Number.POSITIVE_INFINITY,
  progress: { rounds: number; flow: number } | null = null,
): { rounds: number; augmentations: number; done: boolean; pot: Int32Array } {
  const p = new PrimalDual(g, c, source, sink, buffers);
  for (;;) {
    // Late rounds reach most of the network from the source but only part
    // of it from the sink (1× county, largest component: 19,900 against
    // 10,000–12,500 of 20,148 nodes). The side that scanned fewer arcs last
    // time searches; the other side's count is from when it last searched,
    // so a side that grows past it hands over and is measured again.
    const back = p.fromSink < p.fromSource;
    const d = back ? sinkDistances(p) : shortestPaths(p);
    if (d < 0) break;
    if (p.rounds >= maxRounds || (progress !== null && p.rounds === progress.rounds && outflow(p) < progress.flow)) {
      return { rounds: p.rounds, augmentations: p.augmentations, done: false, pot: p.pot };
    }
    updatePotentials(p, d, back ? -1 : 1);
    p.rounds++;
    p.aFirst[p.n] = admissibleArcs(p);
    admissibleMaxFlow(p);
  }
  return { rounds: p.rounds, augmentations: p.augmentations, done: true, pot: p.pot };
}
