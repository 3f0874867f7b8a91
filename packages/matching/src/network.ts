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
import { createNetwork, type MinCostFlowNetwork } from '@ronghe/flow';
import type { NeedClass, ResourceClass } from './classes.ts';
import { allianceCost, deadlineCost, loadCost, pairCost, placeCostOfLevel } from './cost.ts';
import { feasible } from './feasibility.ts';
import type { PreparedOptions } from './prepare.ts';

export interface ClassNetwork {
  net: MinCostFlowNetwork;
  source: number;
  sink: number;
  /** Edge id of source → need class i and resource class j → sink. */
  needEdge: number[];
  resourceEdge: number[];
  /** Direct need class → resource class edges, flat: [edge, needClass, resourceClass, edge, …]. */
  direct: number[];
  /** Per hub: incoming edges with their need class, outgoing with their resource class, in class order, as flat [edge, class, edge, class, …]. */
  hubs: { ins: number[]; outs: number[] }[];
  /** Largest |cost| of any edge. */
  maxArcCost: number;
  /** Source → urgency-level edges, most urgent first (see buildNetwork). */
  priority: number[];
}

interface HubBase {
  /** Resource classes whose window covers every need: one date-free hub. */
  open: ResourceClass[];
  /** The others: one hub per due date of the needs entering. */
  windowed: ResourceClass[];
  dues: Set<number>;
  /** The alliance of every resource here when they share one, else -1 (see step 2). */
  sole: number;
  openHub: number;
  datedHubs: Map<number, number>;
}


/**
 * `level(needClass)` is its urgency level (1–4): the source feeds one node
 * per level, and the level nodes feed the need classes, so the solver can
 * maximise the units of each level in turn (see assign.ts).
 */
export function buildNetwork(
  ncs: readonly NeedClass[],
  rcs: readonly ResourceClass[],
  opts: PreparedOptions,
  level: (nc: NeedClass) => number,
): ClassNetwork {
  const net = createNetwork();
  const source = net.addNode();
  const sink = net.addNode();
  const needNode = ncs.map(() => net.addNode());
  const resourceNode = rcs.map(() => net.addNode());
  const hubs: ClassNetwork['hubs'] = [];
  let maxArcCost = 0;
  const edge = (from: number, to: number, cap: number, cost: number): number => {
    if (Math.abs(cost) > maxArcCost) maxArcCost = Math.abs(cost);
    return net.addEdge(from, to, cap, cost);
  };
  const resourceEdge = rcs.map((rc, j) => edge(resourceNode[j]!, sink, rc.total, loadCost(rc.rep.load)));
  const newHub = (): number => {
    hubs.push({ ins: [], outs: [] });
    return net.addNode();
  };
  const hubIndex = (node: number) => node - (2 + ncs.length + rcs.length);

  // 1. Resources register on the hub bases they hang off. 'P' hubs take needs
  // without coordinates (every resource is judged by locality for them); 'Q'
  // hubs take needs with coordinates, so resources judged by distance stay off.
  // Numeric keys (interned units, categories, alliances): no strings built per lookup.
  const interner = () => {
    const map = new Map<string, number>();
    return { map, id: (s: string): number => map.get(s) ?? (map.set(s, map.size + 1), map.size) };
  };
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
  const baseKey = (flavor: number, c: number, level: number, unit: number, alliance: number): number =>
    ((unit * 8 + level * 2 + flavor) * C + c) * A + alliance;
  const bases = new Map<number, HubBase>();
  for (const rc of rcs) {
    const r = rc.rep;
    const open = rc.start === opts.today && rc.end === Number.POSITIVE_INFINITY;
    for (const c of [...r.serves].sort()) {
      for (let level = 0; level <= r.scope; level++) {
        const unit = r.units[level];
        if (unit === null || unit === undefined) continue;
        const unitId = units.id(unit);
        const cId = cats.id(c);
        const own = alliances.id(r.resource.allianceId);
        for (const alliance of [own, anyId]) {
          for (let flavor = 0; flavor < (rc.byDistance ? 1 : 2); flavor++) {
            const key = baseKey(flavor, cId, level, unitId, alliance);
            let base = bases.get(key);
            if (!base) {
              base = { open: [], windowed: [], dues: new Set(), sole: own, openHub: -1, datedHubs: new Map() };
              bases.set(key, base);
            } else if (base.sole !== own) base.sole = -1;
            (open ? base.open : base.windowed).push(rc);
          }
        }
      }
    }
  }

  // 2. Which bases each (non-isolated) need class enters, and their due dates.
  // A need skips an "any alliance" base whose resources all belong to its own
  // alliance: each of them hangs off the own-alliance base of the same unit
  // too (same hubs by due date, same deadline costs), which the need enters
  // for 6 less, so no optimal flow would use the dearer path. This removes
  // most "any" hubs of the grids and communities, where one alliance works.
  const entryBases: HubBase[][] = [];
  const entryCosts: number[][] = [];
  for (const nc of ncs) {
    const outBases: HubBase[] = [];
    const outCosts: number[] = [];
    entryBases.push(outBases);
    entryCosts.push(outCosts);
    if (nc.isolated) continue;
    const n = nc.rep;
    const flavor = n.coords ? 1 : 0;
    const cId = cats.map.get(n.need.category);
    if (cId === undefined) continue;
    const own = alliances.map.get(n.need.allianceId) ?? -1;
    for (let level = 0; level < 4; level++) {
      const unit = n.units[level];
      if (unit === null || unit === undefined) continue;
      const unitId = units.map.get(unit);
      if (unitId === undefined) continue;
      for (const alliance of [own, anyId]) {
        if (alliance === -1) continue;
        const base = bases.get(baseKey(flavor, cId, level, unitId, alliance));
        if (!base || (alliance === anyId && own !== -1 && base.sole === own)) continue;
        base.dues.add(n.due);
        outBases.push(base);
        outCosts.push(placeCostOfLevel(level as 0 | 1 | 2 | 3) + allianceCost(alliance !== anyId));
      }
    }
  }

  // 3. Hubs and their edges to resource classes. A dated hub exists only if
  // some windowed resource can start by that date.
  let profileBuf = new Int8Array(64);
  for (const base of bases.values()) {
    if (base.open.length > 0 && base.dues.size > 0) {
      base.openHub = newHub();
      const outs = hubs[hubIndex(base.openHub)]!.outs;
      for (const rc of base.open) outs.push(edge(base.openHub, resourceNode[rc.index]!, rc.total, 0), rc.index);
    }
    // Due dates that no windowed resource here tells apart (same feasibility,
    // same deadline cost for each) share one hub: beyond a few weeks most do.
    // Profiles are compared by a hash and then element by element: no strings.
    const byProfile = new Map<number, { costs: Int8Array; hub: number }[]>();
    const w = base.windowed;
    if (profileBuf.length < w.length) profileBuf = new Int8Array(2 * w.length);
    for (const due of [...base.dues].sort((x, y) => x - y)) {
      let hash = 0x811c9dc5;
      let any = false;
      for (let k = 0; k < w.length; k++) {
        const rc = w[k]!;
        const c = rc.start > due ? -1 : deadlineCost(due, rc.start, rc.end, opts.today);
        if (c !== -1) any = true;
        profileBuf[k] = c;
        hash = Math.imul(hash ^ (c + 1), 0x01000193);
      }
      if (!any) continue;
      let list = byProfile.get(hash);
      if (!list) byProfile.set(hash, (list = []));
      let hub: number | undefined;
      for (const cand of list) {
        let same = true;
        for (let k = 0; k < w.length && same; k++) same = cand.costs[k] === profileBuf[k];
        if (same) {
          hub = cand.hub;
          break;
        }
      }
      if (hub === undefined) {
        const h = newHub();
        hub = h;
        list.push({ costs: profileBuf.slice(0, w.length), hub: h });
        const outs = hubs[hubIndex(h)]!.outs;
        for (let k = 0; k < w.length; k++) {
          const c = profileBuf[k]!;
          if (c !== -1) outs.push(edge(h, resourceNode[w[k]!.index]!, w[k]!.total, c), w[k]!.index);
        }
      }
      base.datedHubs.set(due, hub);
    }
  }

  // 4. Need class → hub edges, in class order so each hub's inputs are sorted.
  ncs.forEach((nc, i) => {
    const bs = entryBases[i]!;
    const cs = entryCosts[i]!;
    for (let k = 0; k < bs.length; k++) {
      const base = bs[k]!;
      if (base.openHub !== -1) hubs[hubIndex(base.openHub)]!.ins.push(edge(needNode[i]!, base.openHub, nc.total, cs[k]!), i);
      const dated = base.datedHubs.get(nc.rep.due);
      if (dated !== undefined) hubs[hubIndex(dated)]!.ins.push(edge(needNode[i]!, dated, nc.total, cs[k]!), i);
    }
  });

  // 5. Direct edges: distance pairs (spatial buckets keep this near-linear)
  // and needs with rejected pairs (checked against every resource class).
  const direct: ClassNetwork['direct'] = [];
  const addDirect = (nc: NeedClass, rc: ResourceClass) => {
    const cost = pairCost(nc.rep, rc.rep, opts) - loadCost(rc.rep.load);
    direct.push(edge(needNode[nc.index]!, resourceNode[rc.index]!, Math.min(nc.total, rc.total), cost), nc.index, rc.index);
  };
  // Pairs as numeric keys need class × R + resource class, sorted as numbers
  // (a typed array, no tuples and no comparator): need class order, then
  // resource class order.
  const cells = new SpatialIndex(ncs.filter((nc) => !nc.isolated && nc.rep.coords !== null));
  const R = rcs.length;
  const keys: number[] = [];
  const near: NeedClass[] = [];
  for (const rc of rcs) {
    if (!rc.byDistance) continue;
    near.length = 0;
    cells.within(rc.rep.coords!, rc.rep.resource.radiusM!, near);
    for (const nc of near) if (feasible(nc.rep, rc.rep, opts)) keys.push(nc.index * R + rc.index);
  }
  for (const nc of ncs) if (nc.isolated) for (const rc of rcs) if (feasible(nc.rep, rc.rep, opts)) keys.push(nc.index * R + rc.index);
  const sorted = Float64Array.from(keys).sort();
  for (let k = 0; k < sorted.length; k++) {
    const key = sorted[k]!;
    const j = key % R;
    addDirect(ncs[(key - j) / R]!, rcs[j]!);
  }

  // Source side last, so hub node ids stay contiguous: source → level node
  // (capacity: the level's units) → need class.
  const levels = [4, 3, 2, 1];
  const levelNode = new Map(levels.map((l) => [l, net.addNode()]));
  const levelUnits = new Map(levels.map((l) => [l, 0]));
  for (const nc of ncs) levelUnits.set(level(nc), levelUnits.get(level(nc))! + nc.total);
  const priority = levels.map((l) => net.addEdge(source, levelNode.get(l)!, levelUnits.get(l)!, 0));
  const needEdge = ncs.map((nc, i) => net.addEdge(levelNode.get(level(nc))!, needNode[i]!, nc.total, 0));
  return { net, source, sink, needEdge, resourceEdge, direct, hubs, maxArcCost, priority };
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
