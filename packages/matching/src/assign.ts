// Exact assignment: maximise Σ urgency weight × units served and, among all
// maxima, minimise Σ cost × units, by min-cost flow on the class network.
//
// Why no big-M: the vectors of units served per need that some flow can
// achieve form a polymatroid, and the weights depend on the urgency level
// only, with 8 > 4 > 2 > 1 > 0. Then w·x = Σ_k (w_k − w_{k+1}) · x(urgency ≥ k)
// with every coefficient positive, so x is weight-optimal iff every sum
// x(urgency ≥ k) is at its own maximum R_k — and the maxima are attained all
// at once (maximise level 4, then add level 3 without undoing it, …). The
// solver does exactly that on source → level edges (max flows, stage by
// stage), then finds the cheapest flow that keeps each level's units: the
// optimum of "weight first, then cost", with costs that are just the small
// pair costs.
import { FlowBuffers, type FlowResult, type NetworkArrays } from '@ronghe/flow';
import { needClasses, resourceClasses, type NeedClass, type ResourceClass } from './classes.ts';
import { pairCost } from './cost.ts';
import { buildNetwork, type ClassNetwork } from './network.ts';
import { prepareAll, type PreparedNeed, type PreparedOptions, type PreparedResource } from './prepare.ts';
import { MatchingInputError, type Allocation, type AssignResult, type MatchNeed, type MatchOptions, type MatchResource } from './types.ts';
import { URGENCY_WEIGHT } from './weights.ts';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A need class's urgency level (one function for every build: see buildNetwork on closures). */
const urgencyOf = (nc: NeedClass): number => nc.rep.need.urgency;

/** The ids on each side of the rejected pairs that name a need and a resource of this run. */
function isolatedIds(excluded: ReadonlySet<string>, needIds: ReadonlySet<string>, resourceIds: ReadonlySet<string>) {
  const needs = new Set<string>();
  const resources = new Set<string>();
  for (const key of excluded) {
    // Ids might contain '|': try every split.
    for (let i = key.indexOf('|'); i !== -1; i = key.indexOf('|', i + 1)) {
      const [n, r] = [key.slice(0, i), key.slice(i + 1)];
      if (needIds.has(n) && resourceIds.has(r)) {
        needs.add(n);
        resources.add(r);
      }
    }
  }
  return { needs, resources };
}

/** Each component's flow network just before it is solved, for the benchmark's native reference solver. */
export interface AssignProbe {
  network(instance: NetworkArrays & { source: number; sink: number; priority: readonly number[] }): void;
}

export function assign(needs: readonly MatchNeed[], resources: readonly MatchResource[], options: MatchOptions, probe?: AssignProbe): AssignResult {
  const p = prepareAll(needs, resources, options);
  const today = p.options.today;
  // Stable order, independent of the input's: classes, hubs and edges are
  // created in this order, so the solver and the disaggregation are too.
  const openNeeds = p.needs
    .filter((n) => n.need.remaining > 0)
    .sort((a, b) => a.due - b.due || b.need.urgency - a.need.urgency || byString(a.need.id, b.need.id));
  const liveResources = p.resources
    .filter((r) => r.resource.remaining > 0 && r.to >= today)
    .sort((a, b) => byString(a.resource.id, b.resource.id));
  // Without rejected pairs there is nothing to look up: the two id sets
  // (25,000 entries at 1×) would only add to the survivors that grow V8's
  // young generation (see needClasses).
  const isolated =
    p.options.excluded.size === 0
      ? { needs: new Set<string>(), resources: new Set<string>() }
      : isolatedIds(p.options.excluded, new Set(openNeeds.map((n) => n.need.id)), new Set(liveResources.map((r) => r.resource.id)));
  // Independent components: categories linked by resources serving several
  // of them. No pair crosses components, so each is solved on its own network
  // (smaller, and freed before the next one is built).
  const components = splitComponents(openNeeds, liveResources);
  // One set of network and solver arrays for all components, largest first
  // (by rows, which tracks the edge count), so they are allocated once at
  // their largest: fresh arrays per component stayed resident after their
  // component was done (see FlowBuffers). Components are independent and the
  // rows are sorted below, so the order changes nothing in the result.
  const order = components.map((c, k) => ({ c, k, rows: c[0].length + c[1].length }));
  order.sort((a, b) => b.rows - a.rows || a.k - b.k);
  const buffers = new FlowBuffers();
  let weighted = 0;
  const allocations: Allocation[] = [];
  const stats: AssignResult['stats'] = {
    needs: openNeeds.length,
    resources: liveResources.length,
    needClasses: 0,
    resourceClasses: 0,
    hubs: 0,
    nodes: 0,
    edges: 0,
    directEdges: 0,
    rounds: 0,
    augmentations: 0,
  };
  for (const { c: [cNeeds, cResources] } of order) {
    const part = assignComponent(cNeeds, cResources, isolated, p.options, probe, buffers);
    for (const a of part.allocations) allocations.push(a);
    weighted += part.weighted;
    for (const key of Object.keys(part.stats) as (keyof AssignResult['stats'])[]) stats[key] += part.stats[key];
  }
  stats.needs = openNeeds.length;
  stats.resources = liveResources.length;
  allocations.sort((a, b) => byString(a.needId, b.needId) || byString(a.resourceId, b.resourceId));
  // A need and a resource meet in one class pair only, so rows should be
  // distinct already; merged anyway for safety, once for all components.
  let w = 0;
  for (let k = 0; k < allocations.length; k++) {
    const a = allocations[k]!;
    const last = w > 0 ? allocations[w - 1]! : undefined;
    if (last && last.needId === a.needId && last.resourceId === a.resourceId) last.quantity += a.quantity;
    else allocations[w++] = a;
  }
  allocations.length = w;
  let unitsServed = 0;
  // Summed per component from the need classes' urgency (a Map of 20,000
  // need ids here was one more set of survivors at the end of the call).
  const weightedServed = weighted;
  let totalCost = 0;
  for (const a of allocations) {
    unitsServed += a.quantity;
    totalCost += a.quantity * a.cost;
  }
  return { allocations, unitsServed, weightedServed, totalCost, stats };
}

/**
 * Needs and resources grouped by connected components of the categories
 * (a resource links all it serves), in a deterministic order (by the first
 * need's position, then resources-only groups are dropped: they serve no
 * need). Inputs keep their order inside a group.
 */
function splitComponents(
  openNeeds: readonly PreparedNeed[],
  liveResources: readonly PreparedResource[],
): [PreparedNeed[], PreparedResource[]][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (x !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  for (const n of openNeeds) add(n.need.category);
  for (const r of liveResources) {
    let first: string | null = null;
    for (const c of r.serves) {
      add(c);
      if (first === null) first = find(c);
      else {
        const rc = find(c);
        if (rc !== first) parent.set(rc, first);
      }
    }
  }
  const groups = new Map<string, [PreparedNeed[], PreparedResource[]]>();
  for (const n of openNeeds) {
    const root = find(n.need.category);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = [[], []]));
    g[0].push(n);
  }
  for (const r of liveResources) {
    const [c] = r.serves;
    if (c === undefined) continue;
    groups.get(find(c))?.[1].push(r);
  }
  return [...groups.values()];
}

function assignComponent(
  openNeeds: readonly PreparedNeed[],
  liveResources: readonly PreparedResource[],
  isolated: { needs: ReadonlySet<string>; resources: ReadonlySet<string> },
  options: PreparedOptions,
  probe: AssignProbe | undefined,
  buffers: FlowBuffers,
): { allocations: Allocation[]; weighted: number; stats: AssignResult['stats'] } {
  const p = { options };
  const today = options.today;
  const lastDue = openNeeds.reduce((m, n) => Math.max(m, n.due), today);
  const ncs = needClasses(openNeeds, isolated.needs);
  const rcs = resourceClasses(liveResources, isolated.resources, today, lastDue);
  const totalUnits = ncs.reduce((sum, nc) => sum + nc.total, 0);
  const built = buildNetwork(ncs, rcs, p.options, urgencyOf, buffers);
  const { net } = built;
  // Every intermediate sum stays an exact integer in a double (cost scaling
  // multiplies costs by the node count; prices stay within a few times that).
  if (built.maxArcCost * (net.nodeCount + 1) * Math.max(totalUnits, net.nodeCount) * 64 >= Number.MAX_SAFE_INTEGER) {
    throw new MatchingInputError('实例过大：成本超出安全整数范围，请按联合体或街道拆分后再匹配', 'needs');
  }

  probe?.network({ ...net.arrays(), source: built.source, sink: built.sink, priority: built.priority });
  const solved = net.solveLexicographic(built.source, built.sink, built.priority);

  const classPairs = pairClasses(built, solved, rcs.length);
  const totals = { cost: 0, weighted: 0 };
  const allocations = disaggregate(classPairs, ncs, rcs, p.options, totals);
  const weighted = totals.weighted;
  // The solver's objective must be what the allocations add up to; a
  // mismatch would mean a path cost that is not its pair's cost.
  if (solved.cost !== totals.cost) {
    throw new Error(`assign: internal inconsistency (flow cost ${solved.cost}, allocations ${totals.cost})`);
  }
  return {
    allocations,
    weighted,
    stats: {
      needs: openNeeds.length,
      resources: liveResources.length,
      needClasses: ncs.length,
      resourceClasses: rcs.length,
      hubs: built.hubCount,
      nodes: net.nodeCount,
      edges: net.edgeCount,
      directEdges: built.direct.length / 3,
      rounds: solved.rounds,
      augmentations: solved.augmentations,
    },
  };
}

function addPair(classPairs: Map<number, number>, key: number, q: number): void {
  if (q !== 0) classPairs.set(key, (classPairs.get(key) ?? 0) + q);
}

/**
 * Units per class pair (key i × resource classes + j) from the flow. Direct
 * edges carry their pair; at a hub any pairing of its inflows with its
 * outflows is optimal (see network.ts), so pair them in class order, north-west
 * corner. Its own function, not a part of assignComponent: V8 compiles these
 * loops while they run (on-stack replacement) and would otherwise compile the
 * whole of assignComponent once per loop, then again from its entry.
 */
function pairClasses(built: ClassNetwork, solved: FlowResult, rCount: number): Map<number, number> {
  const classPairs = new Map<number, number>();
  const { hubOutStart, hubCount } = built;
  directFlows(classPairs, built.direct, solved, rCount);
  // Need classes in order meet each hub's inflows in class order; per hub a
  // cursor walks its outflows (north-west corner, as ADR 0008 describes).
  const outCursor = hubOutStart.slice(0, hubCount);
  const outLeft = new Float64Array(hubCount);
  firstOutFlows(outLeft, outCursor, solved);
  hubPairs(classPairs, built, solved, rCount, outCursor, outLeft);
  return classPairs;
}

/* One long loop per function (see network.ts on directPairs). */
function directFlows(classPairs: Map<number, number>, direct: Int32Array, solved: FlowResult, rCount: number): void {
  for (let x = 0; x < direct.length; x += 3) addPair(classPairs, direct[x + 1]! * rCount + direct[x + 2]!, solved.edgeFlow(direct[x]!));
}

function firstOutFlows(outLeft: Float64Array, outCursor: Int32Array, solved: FlowResult): void {
  for (let h = 0; h < outLeft.length; h++) outLeft[h] = solved.edgeFlow(outCursor[h]!);
}

function hubPairs(classPairs: Map<number, number>, built: ClassNetwork, solved: FlowResult, rCount: number, outCursor: Int32Array, outLeft: Float64Array): void {
  const { hubOutStart, outClass, needInStart, inHub } = built;
  const outBase = hubOutStart[0]!;
  const inBase = needInStart[0]!;
  const classCount = needInStart.length - 1;
  for (let i = 0; i < classCount; i++) {
    for (let e = needInStart[i]!; e < needInStart[i + 1]!; e++) {
      const h = inHub[e - inBase]!;
      let q = solved.edgeFlow(e);
      while (q > 0) {
        while (outLeft[h] === 0) outLeft[h] = solved.edgeFlow(++outCursor[h]!);
        const t = Math.min(q, outLeft[h]!);
        addPair(classPairs, i * rCount + outClass[outCursor[h]! - outBase]!, t);
        q -= t;
        outLeft[h]! -= t;
      }
    }
  }
}

/**
 * Class pairs to rows: members of a class are interchangeable, so units go to
 * the needs of a class in its order (deadline, urgency, id) and come from the
 * resources of a class in id order, each side with a running cursor.
 */
function disaggregate(
  classPairs: Map<number, number>,
  ncs: readonly NeedClass[],
  rcs: readonly ResourceClass[],
  opts: PreparedOptions,
  totals: { cost: number; weighted: number },
): Allocation[] {
  // Per class: the member being filled and what it has left.
  const needAt = new Int32Array(ncs.length);
  const needLeft = Float64Array.from(ncs, (nc) => nc.rep.need.remaining);
  const resourceAt = new Int32Array(rcs.length);
  const resourceLeft = Float64Array.from(rcs, (rc) => rc.members[0]!.resource.remaining);
  const allocations: Allocation[] = [];
  const keys = Float64Array.from(classPairs.keys()).sort();
  for (let x = 0; x < keys.length; x++) {
    const key = keys[x]!;
    let q = classPairs.get(key)!;
    const j = key % rcs.length;
    const i = (key - j) / rcs.length;
    const nc = ncs[i]!;
    const rc = rcs[j]!;
    const cost = pairCost(nc.rep, rc.rep, opts);
    // Integers well below 2^53 (see assignComponent's guard): exact in any order.
    totals.cost += q * cost;
    totals.weighted += q * URGENCY_WEIGHT[nc.rep.need.urgency];
    while (q > 0) {
      const take = Math.min(q, needLeft[i]!, resourceLeft[j]!);
      allocations.push({ needId: nc.member(needAt[i]!).need.id, resourceId: rc.members[resourceAt[j]!]!.resource.id, quantity: take, cost });
      q -= take;
      needLeft[i]! -= take;
      resourceLeft[j]! -= take;
      if (needLeft[i] === 0 && ++needAt[i]! < nc.size) needLeft[i] = nc.member(needAt[i]!).need.remaining;
      if (resourceLeft[j] === 0 && ++resourceAt[j]! < rc.members.length) resourceLeft[j] = rc.members[resourceAt[j]!]!.resource.remaining;
    }
  }
  return allocations;
}
