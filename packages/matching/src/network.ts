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

/** Dense numeric ids for strings, from 1 (0 is left for "any alliance"). */
class Interner {
  readonly map = new Map<string, number>();
  id(s: string): number {
    return this.map.get(s) ?? (this.map.set(s, this.map.size + 1), this.map.size);
  }
}

keepShape(new Interner()); // see keepShape in @ronghe/flow

/** A growable Float64Array of direct-pair keys (need class × R + resource class). */
class KeyList {
  a = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Float64Array(2 * this.a.length);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
}

keepShape(new KeyList()); // see keepShape in @ronghe/flow

/**
 * One number per hub base. Exact while unit × 8 × C × A < 2^53 (a million
 * units, ten thousand categories and alliances each…).
 */
function baseKey(flavor: number, c: number, lvl: number, unit: number, alliance: number, C: number, A: number): number {
  return ((unit * 8 + lvl * 2 + flavor) * C + c) * A + alliance;
}

const ANY_ALLIANCE = 0;

/** Step 1: the hub bases resources hang off. */
interface Bases {
  units: Interner;
  cats: Interner;
  alliances: Interner;
  C: number;
  A: number;
  baseOf: Map<number, number>;
  /** The alliance of every resource of a base when they share one, else -1 (see step 2). */
  baseSole: IntList;
  /** Registrations (base, resource class), in resource class order. */
  regBase: IntList;
  regClass: IntList;
  /** 1 for a resource class whose window covers every need. */
  rcOpen: Uint8Array;
}

/** Step 2: the bases each need class enters, at what cost, in need class order. */
interface Entries {
  entStart: Int32Array;
  entBase: IntList;
  entCost: IntList;
  entClass: IntList;
}

/** Step 3: hubs (numbered in creation order) and their edges to resource classes. */
interface Hubs {
  /** The base's date-free hub, or −1. */
  baseOpenHub: Int32Array;
  /** The dated hub of each entry, or −1. */
  entDated: Int32Array;
  outClassList: IntList;
  outCostList: IntList;
  /** End of each hub's run in the out lists. */
  hubOutEnd: IntList;
}

/**
 * Numeric keys (interned units, categories and alliances): no strings built
 * per lookup. 'P' hubs (flavor 0) take needs without coordinates (every
 * resource is judged by locality for them); 'Q' hubs take needs with
 * coordinates, so resources judged by distance stay off.
 */
function registerResources(rcs: readonly ResourceClass[], today: number): Bases {
  const R = rcs.length;
  const units = new Interner();
  const cats = new Interner();
  const alliances = new Interner();
  internServes(rcs, cats, alliances);
  const C = cats.map.size + 1;
  const A = alliances.map.size + 1;
  const baseOf = new Map<number, number>();
  const baseSole = new IntList(1024);
  const regBase = new IntList(4 * R);
  const regClass = new IntList(4 * R);
  const rcOpen = new Uint8Array(R);
  // Made before the loop, not returned as a literal after it: see directPairs.
  const bases: Bases = { units, cats, alliances, C, A, baseOf, baseSole, regBase, regClass, rcOpen };
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
          const alliance = side === 0 ? own : ANY_ALLIANCE;
          for (let flavor = 0; flavor < flavors; flavor++) {
            const key = baseKey(flavor, cId, lvl, unitId, alliance, C, A);
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
  return bases;
}

function internServes(rcs: readonly ResourceClass[], cats: Interner, alliances: Interner): void {
  for (const rc of rcs) {
    for (const c of rc.rep.serves) cats.id(c);
    alliances.id(rc.rep.resource.allianceId);
  }
}

/**
 * A need skips an "any alliance" base whose resources all belong to its own
 * alliance: each of them hangs off the own-alliance base of the same unit
 * too (same hubs by due date, same deadline costs), which the need enters
 * for 6 less, so no optimal flow would use the dearer path. This removes
 * most "any" hubs of the grids and communities, where one alliance works.
 */
function enterBases(ncs: readonly NeedClass[], bases: Bases): Entries {
  const NC = ncs.length;
  const { units, cats, alliances, C, A, baseOf, baseSole } = bases;
  const entStart = new Int32Array(NC + 1);
  const entBase = new IntList(4 * NC);
  const entCost = new IntList(4 * NC);
  const entClass = new IntList(4 * NC);
  const entries: Entries = { entStart, entBase, entCost, entClass };
  // i = NC only closes entStart: no store after the loop (see directPairs).
  for (let i = 0; i <= NC; i++) {
    entStart[i] = entBase.length;
    if (i === NC) break;
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
        const alliance = side === 0 ? own : ANY_ALLIANCE;
        if (alliance === -1) continue;
        const b = baseOf.get(baseKey(flavor, cId, lvl, unitId, alliance, C, A));
        if (b === undefined || (alliance === ANY_ALLIANCE && own !== -1 && baseSole.a[b] === own)) continue;
        entBase.push(b);
        entCost.push(placeCostOfLevel(lvl as 0 | 1 | 2 | 3) + allianceCost(alliance !== ANY_ALLIANCE));
        entClass.push(i);
      }
    }
  }
  return entries;
}

/** The largest group of a groupBy's start array. */
function largestGroup(start: Int32Array, groups: number): number {
  let most = 1;
  for (let g = 0; g < groups; g++) most = Math.max(most, start[g + 1]! - start[g]!);
  return most;
}

/**
 * A base with needs gets a date-free hub if it has open resources, and one
 * hub per due-date profile of its windowed ones. A dated hub exists only if
 * some windowed resource can start by that date.
 */
function planHubs(
  ncs: readonly NeedClass[],
  rcs: readonly ResourceClass[],
  today: number,
  bases: Bases,
  [baseRcStart, baseRcItems]: [Int32Array, Int32Array],
  entries: Entries,
  [baseEntStart, baseEntItems]: [Int32Array, Int32Array],
): Hubs {
  const R = rcs.length;
  const B = bases.baseSole.length;
  const { regClass, rcOpen } = bases;
  const { entClass } = entries;
  const baseOpenHub = new Int32Array(B).fill(-1);
  const entDated = new Int32Array(entries.entBase.length).fill(-1);
  const outClassList = new IntList(4 * R);
  const outCostList = new IntList(4 * R);
  const hubOutEnd = new IntList(1024);
  const maxPerBase = largestGroup(baseRcStart, B);
  const maxEntPerBase = largestGroup(baseEntStart, B);
  const windowed = new Int32Array(maxPerBase);
  const dues = new Int32Array(maxEntPerBase);
  const dueHub = new Int32Array(maxEntPerBase);
  const candHash = new Int32Array(maxEntPerBase);
  const candHub = new Int32Array(maxEntPerBase);
  let candCosts = new Int8Array(64);
  let profile = new Int8Array(maxPerBase);
  const hubs: Hubs = { baseOpenHub, entDated, outClassList, outCostList, hubOutEnd };
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
  return hubs;
}

/** Need class → hub edges: one per entry into a date-free hub, one per entry into a dated hub. */
function countIns(entries: Entries, hubs: Hubs): number {
  const { entBase } = entries;
  const { baseOpenHub, entDated } = hubs;
  let nIns = 0;
  for (let ent = 0; ent < entBase.length; ent++) {
    if (baseOpenHub[entBase.a[ent]!] !== -1) nIns++;
    if (entDated[ent] !== -1) nIns++;
  }
  return nIns;
}

/**
 * Distance pairs (spatial buckets keep this near-linear) and needs with
 * rejected pairs (checked against every resource class). A pair can be
 * rejected only if both classes are isolated (every id in a rejected pair of
 * this run is), so only those pairs look the key up. Pairs as numeric keys
 * need class × R + resource class, sorted as numbers (a typed array, no
 * tuples and no comparator): need class order, then resource class order.
 */
function directPairs(ncs: readonly NeedClass[], rcs: readonly ResourceClass[], opts: PreparedOptions): Float64Array {
  const keys = new KeyList();
  nearPairs(new SpatialIndex(ncs.filter((nc) => !nc.isolated && nc.rep.coords !== null)), rcs, opts.today, keys);
  isolatedPairs(ncs, rcs, opts, keys);
  return keys.a.subarray(0, keys.length).sort();
}

/*
 * Each long loop of the builder is a function of its own with nothing after
 * the loop but a return: V8 compiles a long loop while it first runs
 * (on-stack replacement), before any code after it has run, and code without
 * type feedback sends the compiled loop back to the interpreter — in every
 * component, since the compiled loop is reused. A second loop after the
 * first was also compiled twice (once inside the first's code, once on its
 * own).
 */
function nearPairs(cells: SpatialIndex, rcs: readonly ResourceClass[], today: number, keys: KeyList): void {
  const R = rcs.length;
  const near: NeedClass[] = [];
  for (const rc of rcs) {
    if (!rc.byDistance) continue;
    near.length = 0;
    cells.within(rc.rep.coords!, rc.rep.resource.radiusM!, near);
    for (const nc of near) if (feasibleIgnoringExclusion(nc.rep, rc.rep, today)) keys.push(nc.index * R + rc.index);
  }
}

function isolatedPairs(ncs: readonly NeedClass[], rcs: readonly ResourceClass[], opts: PreparedOptions, keys: KeyList): void {
  const R = rcs.length;
  const today = opts.today;
  for (const nc of ncs) {
    if (!nc.isolated) continue;
    for (const rc of rcs) {
      if (rc.isolated ? feasible(nc.rep, rc.rep, opts) : feasibleIgnoringExclusion(nc.rep, rc.rep, today)) keys.push(nc.index * R + rc.index);
    }
  }
}

/** Adds edges to the network and keeps the largest |cost| seen. */
class EdgeWriter {
  readonly net: MinCostFlowNetwork;
  maxArcCost = 0;
  constructor(net: MinCostFlowNetwork) {
    this.net = net;
  }
  add(from: number, to: number, cap: number, cost: number): number {
    const c = Math.abs(cost);
    if (c > this.maxArcCost) this.maxArcCost = c;
    return this.net.addEdge(from, to, cap, cost);
  }
}

keepShape(new EdgeWriter(createNetwork())); // see keepShape in @ronghe/flow

/** Hub → resource class edges, hub by hub (each hub's run in resource class order). */
function addHubOuts(w: EdgeWriter, rcs: readonly ResourceClass[], hubs: Hubs, hubNode0: number, resourceNode0: number, firstEdge: number): Int32Array {
  const { hubOutEnd, outClassList, outCostList } = hubs;
  const H = hubOutEnd.length;
  const hubOutStart = new Int32Array(H + 1);
  // h = H only closes hubOutStart (o is then outClassList.length): no store after the loop (see directPairs).
  for (let h = 0, o = 0; h <= H; h++) {
    hubOutStart[h] = firstEdge + o;
    if (h === H) break;
    for (const end = hubOutEnd.a[h]!; o < end; o++) {
      const j = outClassList.a[o]!;
      w.add(hubNode0 + h, resourceNode0 + j, rcs[j]!.total, outCostList.a[o]!);
    }
  }
  return hubOutStart;
}

/** Need class → hub edges, in class order so each hub's inputs are sorted; fills needInStart and inHub. */
function addNeedIns(w: EdgeWriter, ncs: readonly NeedClass[], entries: Entries, hubs: Hubs, needNode0: number, hubNode0: number, needInStart: Int32Array, inHub: Int32Array): void {
  const NC = ncs.length;
  const firstEdge = needInStart[NC]! - inHub.length;
  const { entStart, entBase, entCost } = entries;
  const { baseOpenHub, entDated } = hubs;
  for (let i = 0, x = 0; i < NC; i++) {
    needInStart[i] = firstEdge + x;
    const total = ncs[i]!.total;
    for (let ent = entStart[i]!; ent < entStart[i + 1]!; ent++) {
      const open = baseOpenHub[entBase.a[ent]!]!;
      const cost = entCost.a[ent]!;
      if (open !== -1) {
        w.add(needNode0 + i, hubNode0 + open, total, cost);
        inHub[x++] = open;
      }
      const dated = entDated[ent]!;
      if (dated !== -1) {
        w.add(needNode0 + i, hubNode0 + dated, total, cost);
        inHub[x++] = dated;
      }
    }
  }
}

/** Direct need class → resource class edges: [edge, need class, resource class] per pair. */
function addDirect(w: EdgeWriter, ncs: readonly NeedClass[], rcs: readonly ResourceClass[], opts: PreparedOptions, sorted: Float64Array, needNode0: number, resourceNode0: number): Int32Array {
  const R = rcs.length;
  const nDirect = sorted.length;
  const direct = new Int32Array(3 * nDirect);
  for (let k = 0; k < nDirect; k++) {
    const key = sorted[k]!;
    const j = key % R;
    const i = (key - j) / R;
    const nc = ncs[i]!;
    const rc = rcs[j]!;
    const cost = pairCost(nc.rep, rc.rep, opts) - loadCost(rc.rep.load);
    direct[3 * k] = w.add(needNode0 + i, resourceNode0 + j, Math.min(nc.total, rc.total), cost);
    direct[3 * k + 1] = i;
    direct[3 * k + 2] = j;
  }
  return direct;
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
 *
 * Each step is its own function (and no step calls a closure made per
 * build): V8 compiles a long loop while it runs (on-stack replacement), and
 * in one 320-line function every later loop it reached without feedback
 * threw that code away — 10 compilations of the whole builder in a fresh
 * process, 6 of them for a closure of the previous build (ADR 0008).
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
  // 1. Resources register on the hub bases they hang off.
  const bases = registerResources(rcs, opts.today);
  const B = bases.baseSole.length;
  // Resource classes per base, in class order (registration order).
  const baseRc = groupBy(bases.regBase.a, bases.regBase.length, B);
  // 2. Which bases each (non-isolated) need class enters, at what cost.
  const entries = enterBases(ncs, bases);
  // Entries per base, in need class order.
  const baseEnt = groupBy(entries.entBase.a, entries.entBase.length, B);
  // 3. Hubs and their edges to resource classes, planned.
  const hubs = planHubs(ncs, rcs, opts.today, bases, baseRc, entries, baseEnt);
  const H = hubs.hubOutEnd.length;
  const nOuts = hubs.outClassList.length;
  const nIns = countIns(entries, hubs);
  // 4. Direct edges.
  const sorted = directPairs(ncs, rcs, opts);
  const nDirect = sorted.length;

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
  const w = new EdgeWriter(net);
  const resourceEdge: number[] = [];
  for (let j = 0; j < R; j++) resourceEdge.push(w.add(resourceNode0 + j, sink, rcs[j]!.total, loadCost(rcs[j]!.rep.load)));
  const hubOutStart = addHubOuts(w, rcs, hubs, hubNode0, resourceNode0, R);
  const outClass = hubs.outClassList.a.slice(0, nOuts);
  const needInStart = new Int32Array(NC + 1);
  needInStart[NC] = R + nOuts + nIns;
  const inHub = new Int32Array(nIns);
  addNeedIns(w, ncs, entries, hubs, needNode0, hubNode0, needInStart, inHub);
  const direct = addDirect(w, ncs, rcs, opts, sorted, needNode0, resourceNode0);

  // Source side last: source → level node (capacity: the level's units) → need class.
  const levelUnits = [0, 0, 0, 0, 0];
  for (const nc of ncs) levelUnits[level(nc)]! += nc.total;
  const levelNode = (l: number) => levelNode0 + 4 - l;
  const priority = [4, 3, 2, 1].map((l) => net.addEdge(source, levelNode(l), levelUnits[l]!, 0));
  const needEdge = ncs.map((nc, i) => net.addEdge(levelNode(level(nc)), needNode0 + i, nc.total, 0));
  return { net, source, sink, needEdge, resourceEdge, direct, hubCount: H, hubOutStart, outClass, needInStart, inHub, maxArcCost: w.maxArcCost, priority };
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
