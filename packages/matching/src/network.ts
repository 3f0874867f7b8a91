// The class network. Linking every need class to every feasible resource
// class would be quadratic (a county-scope resource serves every need of its
// category), so pairs decided by locality meet at hub nodes instead:
//
//   need class ─(locality step + alliance)→ hub ─(deadline)→ resource class ─(load)→ sink
//
// A hub stands for (category, a place unit at some level, an alliance or
// "any alliance", a due date or "any date", whether the need has
// coordinates). A need enters the hubs of every unit it lies in; a resource
// hangs off the hubs of every unit from its place up to its scope. The path
// through the unit they share at the finest level is the cheapest, and an
// optimal flow never pairs a need and a resource through a dearer hub (the
// unit could be rerouted for less), so every path's cost is the pair's cost.
// Pairs decided by distance, and needs with rejected pairs, get direct edges.
import { createNetwork, keepShape, type FlowBuffers, type MinCostFlowNetwork } from '@ronghe/flow';
import type { NeedClass, ResourceClass } from './classes.ts';
import { allianceCost, deadlineCost, loadCost, pairCost, placeCostOfLevel } from './cost.ts';
import { feasible, feasibleIgnoringExclusion } from './feasibility.ts';
import type { PreparedOptions } from './prepare.ts';

export interface ClassNetwork {
  net: MinCostFlowNetwork;
  source: number;
  sink: number;
  /** Edge id of source → need class i and resource class j → sink. */
  needEdge: number[];
  resourceEdge: number[];
  /** Direct need class → resource class edges, flat: [edge, needClass, resourceClass, edge, …]. */
  direct: Int32Array;
  hubCount: number;
  /**
   * Hub h's outgoing edges are the consecutive ids hubOutStart[h] …
   * hubOutStart[h + 1] − 1, in resource class order; the edge e goes to
   * resource class outClass[e − hubOutStart[0]].
   */
  hubOutStart: Int32Array;
  outClass: Int32Array;
  /**
   * Need class i's edges into hubs are the consecutive ids needInStart[i] …
   * needInStart[i + 1] − 1; the edge e enters hub inHub[e − needInStart[0]].
   * So every hub's incoming edges come in need class order.
   */
  needInStart: Int32Array;
  inHub: Int32Array;
  /** Largest |cost| of any edge. */
  maxArcCost: number;
  /** Source → urgency-level edges, most urgent first (see buildNetwork). */
  priority: number[];
}

/** A growable Int32Array: the builder's lists without a JS array per base, hub or class. */
class IntList {
  a: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.a = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
}

keepShape(new IntList(0)); // see keepShape in @ronghe/flow: the builder's code is optimised for this map

/** Groups the indices 0 … keys.length − 1 by key (0 … groups − 1), keeping their order inside a group: [start (groups + 1), items]. */
function groupBy(keys: Int32Array, count: number, groups: number): [Int32Array, Int32Array] {
  const start = new Int32Array(groups + 1);
  for (let x = 0; x < count; x++) start[keys[x]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const items = new Int32Array(count);
  for (let x = 0; x < count; x++) items[fill[keys[x]!]!++] = x;
  return [start, items];
}

function interner() {
  const map = new Map<string, number>();
  return { map, id: (s: string): number => map.get(s) ?? (map.set(s, map.size + 1), map.size) };
}

/**
 * `level(needClass)` is its urgency level (1–4): the source feeds one node
 * per level, and the level nodes feed the need classes, so the solver can
 * maximise the units of each level in turn (see assign.ts).
 *
 * Everything is planned in typed arrays first (bases, entries, hubs and their
 * edges, direct pairs) and the network is created once the node and edge
 * counts are known, so its arrays never grow and no per-hub or per-base JS
 * object outlives the build.
 */
export function buildNetwork(
  ncs: readonly NeedClass[],
  rcs: readonly ResourceClass[],
  opts: PreparedOptions,
  level: (nc: NeedClass) => number,
  buffers?: FlowBuffers,
): ClassNetwork {
  const NC = ncs.length;
  const R = rcs.length;
  const today = opts.today;

  // 1. Resources register on the hub bases they hang off. 'P' hubs take needs
  // without coordinates (every resource is judged by locality for them); 'Q'
  // hubs take needs with coordinates, so resources judged by distance stay off.
  // Numeric keys (interned units, categories, alliances): no strings built per lookup.
  const units = interner();
  const cats = interner();
  const alliances = interner();
  for (const rc of rcs) {
    for (const c of rc.rep.serves) cats.id(c);
    alliances.id(rc.rep.resource.allianceId);
  }
  const C = cats.map.size + 1;
  const A = alliances.map.size + 1;
  const anyId = 0;
  // Exact while unit × 8 × C × A < 2^53 (a million units, ten thousand categories and alliances each…).
  const baseKey = (flavor: number, c: number, lvl: number, unit: number, alliance: number): number =>
    ((unit * 8 + lvl * 2 + flavor) * C + c) * A + alliance;
  const baseOf = new Map<number, number>();
  /** The alliance of every resource of a base when they share one, else -1 (see step 2). */
  const baseSole = new IntList(1024);
  const regBase = new IntList(4 * R);
  const regClass = new IntList(4 * R);
  const rcOpen = new Uint8Array(R);
  for (const rc of rcs) {
    const r = rc.rep;
    // Resources whose window covers every need: one date-free hub per base.
    rcOpen[rc.index] = rc.start === today && rc.end === Number.POSITIVE_INFINITY ? 1 : 0;
    const own = alliances.id(r.resource.allianceId);
    const flavors = rc.byDistance ? 1 : 2;
    for (const c of [...r.serves].sort()) {
      const cId = cats.id(c);
      for (let lvl = 0; lvl <= r.scope; lvl++) {
        const unit = r.units[lvl];
        if (unit === null || unit === undefined) continue;
        const unitId = units.id(unit);
        for (let side = 0; side < 2; side++) {
          const alliance = side === 0 ? own : anyId;
          for (let flavor = 0; flavor < flavors; flavor++) {
            const key = baseKey(flavor, cId, lvl, unitId, alliance);
            let b = baseOf.get(key);
            if (b === undefined) {
              b = baseSole.length;
              baseOf.set(key, b);
              baseSole.push(own);
            } else if (baseSole.a[b] !== own) baseSole.a[b] = -1;
            regBase.push(b);
            regClass.push(rc.index);
          }
        }
      }
    }
  }
  const B = baseSole.length;
  // Resource classes per base, in class order (registration order).
  const [baseRcStart, baseRcItems] = groupBy(regBase.a, regBase.length, B);

  // 2. Which bases each (non-isolated) need class enters, at what cost.
  // A need skips an "any alliance" base whose resources all belong to its own
  // alliance: each of them hangs off the own-alliance base of the same unit
  // too (same hubs by due date, same deadline costs), which the need enters
  // for 6 less, so no optimal flow would use the dearer path. This removes
  // most "any" hubs of the grids and communities, where one alliance works.
  const entStart = new Int32Array(NC + 1);
  const entBase = new IntList(4 * NC);
  const entCost = new IntList(4 * NC);
  const entClass = new IntList(4 * NC);
  for (let i = 0; i < NC; i++) {
    entStart[i] = entBase.length;
    const nc = ncs[i]!;
    if (nc.isolated) continue;
    const n = nc.rep;
    const flavor = n.coords ? 1 : 0;
    const cId = cats.map.get(n.need.category);
    if (cId === undefined) continue;
    const own = alliances.map.get(n.need.allianceId) ?? -1;
    for (let lvl = 0; lvl < 4; lvl++) {
      const unit = n.units[lvl];
      if (unit === null || unit === undefined) continue;
      const unitId = units.map.get(unit);
      if (unitId === undefined) continue;
      for (let side = 0; side < 2; side++) {
        const alliance = side === 0 ? own : anyId;
        if (alliance === -1) continue;
        const b = baseOf.get(baseKey(flavor, cId, lvl, unitId, alliance));
        if (b === undefined || (alliance === anyId && own !== -1 && baseSole.a[b] === own)) continue;
        entBase.push(b);
        entCost.push(placeCostOfLevel(lvl as 0 | 1 | 2 | 3) + allianceCost(alliance !== anyId));
        entClass.push(i);
      }
    }
  }
  entStart[NC] = entBase.length;
  const E = entBase.length;
  // Entries per base, in need class order.
  const [baseEntStart, baseEntItems] = groupBy(entBase.a, E, B);

  // 3. Hubs and their edges to resource classes, planned: a base with needs
  // gets a date-free hub if it has open resources, and one hub per due-date
  // profile of its windowed ones. A dated hub exists only if some windowed
  // resource can start by that date.
  const baseOpenHub = new Int32Array(B).fill(-1);
  const entDated = new Int32Array(E).fill(-1);
  const outClassList = new IntList(4 * R);
  const outCostList = new IntList(4 * R);
  const hubOutEnd = new IntList(1024);
  let maxPerBase = 1;
  let maxEntPerBase = 1;
  for (let b = 0; b < B; b++) {
    maxPerBase = Math.max(maxPerBase, baseRcStart[b + 1]! - baseRcStart[b]!);
    maxEntPerBase = Math.max(maxEntPerBase, baseEntStart[b + 1]! - baseEntStart[b]!);
  }
  const windowed = new Int32Array(maxPerBase);
  const dues = new Int32Array(maxEntPerBase);
  const dueHub = new Int32Array(maxEntPerBase);
  const candHash = new Int32Array(maxEntPerBase);
  const candHub = new Int32Array(maxEntPerBase);
  let candCosts = new Int8Array(64);
  let profile = new Int8Array(maxPerBase);
  for (let b = 0; b < B; b++) {
    const e0 = baseEntStart[b]!;
    const e1 = baseEntStart[b + 1]!;
    if (e0 === e1) continue;
    let nw = 0;
    let hasOpen = false;
    for (let k = baseRcStart[b]!; k < baseRcStart[b + 1]!; k++) {
      const j = regClass.a[baseRcItems[k]!]!;
      if (rcOpen[j] === 1) hasOpen = true;
      else windowed[nw++] = j;
    }
    if (hasOpen) {
      baseOpenHub[b] = hubOutEnd.length;
      for (let k = baseRcStart[b]!; k < baseRcStart[b + 1]!; k++) {
        const j = regClass.a[baseRcItems[k]!]!;
        if (rcOpen[j] === 1) {
          outClassList.push(j);
          outCostList.push(0);
        }
      }
      hubOutEnd.push(outClassList.length);
    }
    if (nw === 0) continue;
    // The base's due dates, sorted and distinct.
    let nd = 0;
    for (let x = e0; x < e1; x++) dues[nd++] = ncs[entClass.a[baseEntItems[x]!]!]!.rep.due;
    dues.subarray(0, nd).sort();
    let u = 0;
    for (let x = 0; x < nd; x++) if (x === 0 || dues[x] !== dues[u - 1]) dues[u++] = dues[x]!;
    nd = u;
    // Due dates that no windowed resource here tells apart (same feasibility,
    // same deadline cost for each) share one hub: beyond a few weeks most do.
    // Profiles are compared by a hash and then element by element: no strings.
    if (candCosts.length < nd * nw) candCosts = new Int8Array(2 * nd * nw);
    if (profile.length < nw) profile = new Int8Array(nw);
    let cands = 0;
    for (let x = 0; x < nd; x++) {
      const due = dues[x]!;
      let hash = 0x811c9dc5;
      let any = false;
      for (let k = 0; k < nw; k++) {
        const rc = rcs[windowed[k]!]!;
        const c = rc.start > due ? -1 : deadlineCost(due, rc.start, rc.end, today);
        if (c !== -1) any = true;
        profile[k] = c;
        hash = Math.imul(hash ^ (c + 1), 0x01000193);
      }
      dueHub[x] = -1;
      if (!any) continue;
      let hub = -1;
      for (let c = 0; c < cands && hub === -1; c++) {
        if (candHash[c] !== hash) continue;
        let same = true;
        for (let k = 0, at = c * nw; k < nw && same; k++) same = candCosts[at + k] === profile[k];
        if (same) hub = candHub[c]!;
      }
      if (hub === -1) {
        hub = hubOutEnd.length;
        candHash[cands] = hash;
        candHub[cands] = hub;
        candCosts.set(profile.subarray(0, nw), cands * nw);
        cands++;
        for (let k = 0; k < nw; k++) {
          if (profile[k] === -1) continue;
          outClassList.push(windowed[k]!);
          outCostList.push(profile[k]!);
        }
        hubOutEnd.push(outClassList.length);
      }
      dueHub[x] = hub;
    }
    for (let x = e0; x < e1; x++) {
      const ent = baseEntItems[x]!;
      const due = ncs[entClass.a[ent]!]!.rep.due;
      let lo = 0;
      let hi = nd - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (dues[mid]! < due) lo = mid + 1;
        else hi = mid;
      }
      entDated[ent] = dueHub[lo]!;
    }
  }
  const H = hubOutEnd.length;
  const nOuts = outClassList.length;
  let nIns = 0;
  for (let ent = 0; ent < E; ent++) {
    if (baseOpenHub[entBase.a[ent]!] !== -1) nIns++;
    if (entDated[ent] !== -1) nIns++;
  }

  // 4. Direct edges: distance pairs (spatial buckets keep this near-linear)
  // and needs with rejected pairs (checked against every resource class).
  // A pair can be rejected only if both classes are isolated (every id in a
  // rejected pair of this run is), so only those pairs look the key up.
  // Pairs as numeric keys need class × R + resource class, sorted as numbers
  // (a typed array, no tuples and no comparator): need class order, then
  // resource class order.
  const cells = new SpatialIndex(ncs.filter((nc) => !nc.isolated && nc.rep.coords !== null));
  let keys = new Float64Array(1024);
  let nDirect = 0;
  const pushKey = (key: number) => {
    if (nDirect === keys.length) {
      const k2 = new Float64Array(2 * keys.length);
      k2.set(keys);
      keys = k2;
    }
    keys[nDirect++] = key;
  };
  const near: NeedClass[] = [];
  for (const rc of rcs) {
    if (!rc.byDistance) continue;
    near.length = 0;
    cells.within(rc.rep.coords!, rc.rep.resource.radiusM!, near);
    for (const nc of near) if (feasibleIgnoringExclusion(nc.rep, rc.rep, today)) pushKey(nc.index * R + rc.index);
  }
  for (const nc of ncs) {
    if (!nc.isolated) continue;
    for (const rc of rcs) {
      if (rc.isolated ? feasible(nc.rep, rc.rep, opts) : feasibleIgnoringExclusion(nc.rep, rc.rep, today)) pushKey(nc.index * R + rc.index);
    }
  }
  const sorted = keys.subarray(0, nDirect).sort();

  // 5. The network, sized exactly. Node ids: source 0, sink 1, need classes,
  // resource classes, hubs (contiguous), one node per urgency level.
  const needNode0 = 2;
  const resourceNode0 = needNode0 + NC;
  const hubNode0 = resourceNode0 + R;
  const levelNode0 = hubNode0 + H;
  const edgeCount = R + nOuts + nIns + nDirect + 4 + NC;
  const net = createNetwork(levelNode0 + 4, edgeCount, buffers);
  const source = 0;
  const sink = 1;
  let maxArcCost = 0;
  const edge = (from: number, to: number, cap: number, cost: number): number => {
    if (Math.abs(cost) > maxArcCost) maxArcCost = Math.abs(cost);
    return net.addEdge(from, to, cap, cost);
  };
  const resourceEdge = rcs.map((rc, j) => edge(resourceNode0 + j, sink, rc.total, loadCost(rc.rep.load)));
  const hubOutStart = new Int32Array(H + 1);
  const outClass = outClassList.a.slice(0, nOuts);
  for (let h = 0, o = 0; h < H; h++) {
    hubOutStart[h] = R + o;
    for (const end = hubOutEnd.a[h]!; o < end; o++) {
      const j = outClass[o]!;
      edge(hubNode0 + h, resourceNode0 + j, rcs[j]!.total, outCostList.a[o]!);
    }
  }
  hubOutStart[H] = R + nOuts;
  // Need class → hub edges, in class order so each hub's inputs are sorted.
  const needInStart = new Int32Array(NC + 1);
  const inHub = new Int32Array(nIns);
  for (let i = 0, x = 0; i < NC; i++) {
    needInStart[i] = R + nOuts + x;
    const total = ncs[i]!.total;
    for (let ent = entStart[i]!; ent < entStart[i + 1]!; ent++) {
      const open = baseOpenHub[entBase.a[ent]!]!;
      const cost = entCost.a[ent]!;
      if (open !== -1) {
        edge(needNode0 + i, hubNode0 + open, total, cost);
        inHub[x++] = open;
      }
      const dated = entDated[ent]!;
      if (dated !== -1) {
        edge(needNode0 + i, hubNode0 + dated, total, cost);
        inHub[x++] = dated;
      }
    }
  }
  needInStart[NC] = R + nOuts + nIns;
  const direct = new Int32Array(3 * nDirect);
  for (let k = 0; k < nDirect; k++) {
    const key = sorted[k]!;
    const j = key % R;
    const i = (key - j) / R;
    const nc = ncs[i]!;
    const rc = rcs[j]!;
    const cost = pairCost(nc.rep, rc.rep, opts) - loadCost(rc.rep.load);
    direct[3 * k] = edge(needNode0 + i, resourceNode0 + j, Math.min(nc.total, rc.total), cost);
    direct[3 * k + 1] = i;
    direct[3 * k + 2] = j;
  }

  // Source side last: source → level node (capacity: the level's units) → need class.
  const levelUnits = [0, 0, 0, 0, 0];
  for (const nc of ncs) levelUnits[level(nc)]! += nc.total;
  const levelNode = (l: number) => levelNode0 + 4 - l;
  const priority = [4, 3, 2, 1].map((l) => net.addEdge(source, levelNode(l), levelUnits[l]!, 0));
  const needEdge = ncs.map((nc, i) => net.addEdge(levelNode(level(nc)), needNode0 + i, nc.total, 0));
  return { net, source, sink, needEdge, resourceEdge, direct, hubCount: H, hubOutStart, outClass, needInStart, inHub, maxArcCost, priority };
}

/** Need classes with coordinates in square cells of about 2 km, keyed by an integer per cell. */
class SpatialIndex {
  private static readonly CELL_DEG = 0.02;
  private readonly cells = new Map<number, NeedClass[]>();

  /** Cell (i, j) as one safe integer: |i| ≤ 4,500 (latitude), |j| ≤ 9,000 (longitude). */
  private static key(i: number, j: number): number {
    return (i + 5_000) * 20_000 + (j + 10_000);
  }

  constructor(ncs: readonly NeedClass[]) {
    const d = SpatialIndex.CELL_DEG;
    for (const nc of ncs) {
      const [lat, lng] = nc.rep.coords!;
      const key = SpatialIndex.key(Math.floor(lat / d), Math.floor(lng / d));
      const list = this.cells.get(key);
      if (list) list.push(nc);
      else this.cells.set(key, [nc]);
    }
  }

  /** Appends the candidates within about `radiusM` to `out` (a superset; the caller checks the real distance). */
  within(center: readonly [number, number], radiusM: number, out: NeedClass[]): void {
    const dLat = radiusM / 111_000 + 1e-9;
    // Longitude degrees shrink towards the poles: use the box's widest latitude.
    const cos = Math.max(0.01, Math.cos((Math.min(89, Math.abs(center[0]) + dLat) * Math.PI) / 180));
    const dLng = dLat / cos;
    const d = SpatialIndex.CELL_DEG;
    // Coordinates are validated (|lat| ≤ 90, |lng| ≤ 180), so every occupied
    // cell lies within these bounds; clamping keeps the keys apart.
    const i0 = Math.max(-4_600, Math.floor((center[0] - dLat) / d));
    const i1 = Math.min(4_600, Math.floor((center[0] + dLat) / d));
    const j0 = Math.max(-9_100, Math.floor((center[1] - dLng) / d));
    const j1 = Math.min(9_100, Math.floor((center[1] + dLng) / d));
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > this.cells.size) {
      for (const list of this.cells.values()) for (const nc of list) out.push(nc);
      return;
    }
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        const list = this.cells.get(SpatialIndex.key(i, j));
        if (list) for (const nc of list) out.push(nc);
      }
    }
  }
}

// The builder is optimised for these maps: keep them across collections (@ronghe/flow keepShape).
keepShape(new SpatialIndex([]));
