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
  /** Direct need class → resource class edges: [edge, needClass, resourceClass]. */
  direct: [number, number, number][];
  /** Per hub: incoming edges with their need class, outgoing with their resource class, in class order. */
  hubs: { ins: [number, number][]; outs: [number, number][] }[];
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
  openHub: number;
  datedHubs: Map<number, number>;
}

const SEP = '\u0001';
const ANY = '*';

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
  const bases = new Map<string, HubBase>();
  for (const rc of rcs) {
    const r = rc.rep;
    const open = rc.start === opts.today && rc.end === Number.POSITIVE_INFINITY;
    for (const c of [...r.serves].sort()) {
      for (let level = 0; level <= r.scope; level++) {
        const unit = r.units[level];
        if (unit === null || unit === undefined) continue;
        for (const alliance of [r.resource.allianceId, ANY]) {
          for (const flavor of rc.byDistance ? ['P'] : ['P', 'Q']) {
            const key = [flavor, c, level, unit, alliance].join(SEP);
            let base = bases.get(key);
            if (!base) {
              base = { open: [], windowed: [], dues: new Set(), openHub: -1, datedHubs: new Map() };
              bases.set(key, base);
            }
            (open ? base.open : base.windowed).push(rc);
          }
        }
      }
    }
  }

  // 2. Which bases each (non-isolated) need class enters, and their due dates.
  const entries: [HubBase, number, number][][] = ncs.map((nc) => {
    if (nc.isolated) return [];
    const n = nc.rep;
    const flavor = n.coords ? 'Q' : 'P';
    const out: [HubBase, number, number][] = [];
    for (let level = 0; level < 4; level++) {
      const unit = n.units[level];
      if (unit === null || unit === undefined) continue;
      for (const alliance of [n.need.allianceId, ANY]) {
        const base = bases.get([flavor, n.need.category, level, unit, alliance].join(SEP));
        if (!base) continue;
        base.dues.add(n.due);
        out.push([base, placeCostOfLevel(level as 0 | 1 | 2 | 3) + allianceCost(alliance !== ANY), level]);
      }
    }
    return out;
  });

  // 3. Hubs and their edges to resource classes. A dated hub exists only if
  // some windowed resource can start by that date.
  for (const base of bases.values()) {
    if (base.open.length > 0 && base.dues.size > 0) {
      base.openHub = newHub();
      for (const rc of base.open) hubs[hubIndex(base.openHub)]!.outs.push([edge(base.openHub, resourceNode[rc.index]!, rc.total, 0), rc.index]);
    }
    // Due dates that no windowed resource here tells apart (same feasibility,
    // same deadline cost for each) share one hub: beyond a few weeks most do.
    const byProfile = new Map<string, number>();
    for (const due of [...base.dues].sort((a, b) => a - b)) {
      const costs = base.windowed.map((rc) => (rc.start > due ? -1 : deadlineCost(due, rc.start, rc.end, opts.today)));
      if (costs.every((c) => c === -1)) continue;
      const profile = costs.join(',');
      let hub = byProfile.get(profile);
      if (hub === undefined) {
        hub = newHub();
        byProfile.set(profile, hub);
        base.windowed.forEach((rc, k) => {
          if (costs[k] !== -1) hubs[hubIndex(hub!)]!.outs.push([edge(hub!, resourceNode[rc.index]!, rc.total, costs[k]!), rc.index]);
        });
      }
      base.datedHubs.set(due, hub);
    }
  }

  // 4. Need class → hub edges, in class order so each hub's inputs are sorted.
  ncs.forEach((nc, i) => {
    for (const [base, cost] of entries[i]!) {
      for (const hub of [base.openHub, base.datedHubs.get(nc.rep.due) ?? -1]) {
        if (hub === -1) continue;
        hubs[hubIndex(hub)]!.ins.push([edge(needNode[i]!, hub, nc.total, cost), i]);
      }
    }
  });

  // 5. Direct edges: distance pairs (spatial buckets keep this near-linear)
  // and needs with rejected pairs (checked against every resource class).
  const direct: ClassNetwork['direct'] = [];
  const addDirect = (nc: NeedClass, rc: ResourceClass) => {
    const cost = pairCost(nc.rep, rc.rep, opts) - loadCost(rc.rep.load);
    direct.push([edge(needNode[nc.index]!, resourceNode[rc.index]!, Math.min(nc.total, rc.total), cost), nc.index, rc.index]);
  };
  const cells = new SpatialIndex(ncs.filter((nc) => !nc.isolated && nc.rep.coords !== null));
  const pairs: [NeedClass, ResourceClass][] = [];
  for (const rc of rcs) {
    if (!rc.byDistance) continue;
    for (const nc of cells.within(rc.rep.coords!, rc.rep.resource.radiusM!)) {
      if (feasible(nc.rep, rc.rep, opts)) pairs.push([nc, rc]);
    }
  }
  for (const nc of ncs) if (nc.isolated) for (const rc of rcs) if (feasible(nc.rep, rc.rep, opts)) pairs.push([nc, rc]);
  pairs.sort((a, b) => a[0].index - b[0].index || a[1].index - b[1].index);
  for (const [nc, rc] of pairs) addDirect(nc, rc);

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

/** Need classes with coordinates in square cells of about 2 km. */
class SpatialIndex {
  private static readonly CELL_DEG = 0.02;
  private readonly cells = new Map<string, NeedClass[]>();

  constructor(ncs: readonly NeedClass[]) {
    for (const nc of ncs) {
      const [lat, lng] = nc.rep.coords!;
      const key = `${Math.floor(lat / SpatialIndex.CELL_DEG)},${Math.floor(lng / SpatialIndex.CELL_DEG)}`;
      const list = this.cells.get(key);
      if (list) list.push(nc);
      else this.cells.set(key, [nc]);
    }
  }

  /** Candidates within about `radiusM` (a superset; the caller checks the real distance). */
  *within(center: readonly [number, number], radiusM: number): Iterable<NeedClass> {
    const dLat = radiusM / 111_000 + 1e-9;
    // Longitude degrees shrink towards the poles: use the box's widest latitude.
    const cos = Math.max(0.01, Math.cos((Math.min(89, Math.abs(center[0]) + dLat) * Math.PI) / 180));
    const dLng = dLat / cos;
    const d = SpatialIndex.CELL_DEG;
    const [i0, i1] = [Math.floor((center[0] - dLat) / d), Math.floor((center[0] + dLat) / d)];
    const [j0, j1] = [Math.floor((center[1] - dLng) / d), Math.floor((center[1] + dLng) / d)];
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > this.cells.size) {
      for (const list of this.cells.values()) yield* list;
      return;
    }
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) yield* this.cells.get(`${i},${j}`) ?? [];
  }
}

