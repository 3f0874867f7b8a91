// assign (components, two-phase flow on the hub network) against the older
// formulation: one big-M min-cost flow on explicit need → resource pairs,
// solved by the primal-dual `solve`. Medium instances, too big for brute
// force: same weighted value, same least cost.
import { createNetwork } from '@ronghe/flow';
import { describe, expect, it } from 'vitest';
import { assign, explainPair, suggest, URGENCY_WEIGHT } from './index.ts';
import { prng, smallInstance, TODAY } from './test-fixtures.ts';
import type { MatchNeed, MatchOptions, MatchResource } from './types.ts';

/** Several small instances merged (ids renamed, some in other category families), so components and classes vary. */
function mediumInstance(seed: number) {
  const rand = prng(seed);
  const needs: MatchNeed[] = [];
  const resources: MatchResource[] = [];
  const excluded = new Set<string>();
  let orgLoad: ReadonlyMap<string, number> = new Map();
  const parts = rand.int(6, 14);
  for (let k = 0; k < parts; k++) {
    const part = smallInstance(rand);
    const family = rand.chance(0.4) ? `f${rand.int(1, 2)}-` : '';
    const nid = (id: string) => `p${k}-${id}`;
    for (const n of part.needs) needs.push({ ...n, id: nid(n.id), category: family + n.category });
    for (const r of part.resources) resources.push({ ...r, id: nid(r.id), serves: r.serves.map((c) => family + c) });
    for (const pair of part.options.excluded ?? []) {
      const [n, r] = pair.split('|');
      excluded.add(`${nid(n!)}|${nid(r!)}`);
    }
    orgLoad = part.options.orgLoad ?? orgLoad;
  }
  return { needs, resources, options: { today: TODAY, excluded, orgLoad } as MatchOptions };
}

function bigM(needs: MatchNeed[], resources: MatchResource[], options: MatchOptions) {
  const net = createNetwork();
  const source = net.addNode();
  const sink = net.addNode();
  const needNode = needs.map(() => net.addNode());
  const resourceNode = new Map(resources.map((r) => [r.id, net.addNode()]));
  const pairs: { need: MatchNeed; cost: number; edge: number }[] = [];
  let maxCost = 0;
  let units = 0;
  const suggestions = needs.map((n) => suggest(n, resources, options));
  for (const s of suggestions) for (const x of s) maxCost = Math.max(maxCost, x.cost);
  for (const n of needs) units += n.remaining;
  const M = maxCost * units + 1;
  needs.forEach((n, i) => {
    net.addEdge(source, needNode[i]!, n.remaining, -M * URGENCY_WEIGHT[n.urgency]);
    for (const s of suggestions[i]!) pairs.push({ need: n, cost: s.cost, edge: net.addEdge(needNode[i]!, resourceNode.get(s.resourceId)!, n.remaining, s.cost) });
  });
  for (const r of resources) net.addEdge(resourceNode.get(r.id)!, sink, r.remaining, 0);
  const solved = net.solve(source, sink, { objective: 'min-cost' });
  let weighted = 0;
  let cost = 0;
  for (const p of pairs) {
    const f = solved.edgeFlow(p.edge);
    weighted += f * URGENCY_WEIGHT[p.need.urgency];
    cost += f * p.cost;
  }
  return { weighted, cost };
}

describe('assign against the big-M pair formulation on medium random instances', () => {
  it('has the same weighted value and the same least cost, with feasible allocations', () => {
    let served = 0;
    let multi = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { needs, resources, options } = mediumInstance(seed);
      const ref = bigM(needs, resources, options);
      const result = assign(needs, resources, options);
      expect({ seed, weighted: result.weightedServed, cost: result.totalCost }).toEqual({ seed, weighted: ref.weighted, cost: ref.cost });
      const byId = new Map(needs.map((n) => [n.id, n]));
      const resById = new Map(resources.map((r) => [r.id, r]));
      for (const a of result.allocations) expect(explainPair(byId.get(a.needId)!, resById.get(a.resourceId)!, options)).toEqual([]);
      const sorted = [...result.allocations].sort((a, b) => (a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0));
      expect(result.allocations).toEqual(sorted);
      if (result.unitsServed > 0) served++;
      if (new Set(needs.map((n) => n.category.split('-')[0])).size > 1) multi++;
    }
    expect(served).toBeGreaterThan(30);
    expect(multi).toBeGreaterThan(10);
  }, 60_000);
});
