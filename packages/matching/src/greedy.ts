// The baseline the exact engine is measured against: what a person working
// down the list would do. Needs by urgency (highest first), then deadline,
// then id; each takes the cheapest feasible resources that still have units.
import { pairCost } from './cost.ts';
import { feasible } from './feasibility.ts';
import { prepareAll, type PreparedResource } from './prepare.ts';
import type { Allocation, AssignResult, MatchNeed, MatchOptions, MatchResource } from './types.ts';
import { URGENCY_WEIGHT } from './weights.ts';

export type GreedyResult = Omit<AssignResult, 'stats'>;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function greedyAssign(needs: readonly MatchNeed[], resources: readonly MatchResource[], options: MatchOptions): GreedyResult {
  const p = prepareAll(needs, resources, options);
  const left = new Map<PreparedResource, number>();
  const byCategory = new Map<string, PreparedResource[]>();
  for (const r of [...p.resources].sort((a, b) => byString(a.resource.id, b.resource.id))) {
    if (r.resource.remaining === 0 || r.to < p.options.today) continue;
    left.set(r, r.resource.remaining);
    for (const c of r.serves) {
      const list = byCategory.get(c);
      if (list) list.push(r);
      else byCategory.set(c, [r]);
    }
  }
  const order = [...p.needs].sort((a, b) => b.need.urgency - a.need.urgency || a.due - b.due || byString(a.need.id, b.need.id));
  const allocations: Allocation[] = [];
  let unitsServed = 0;
  let weightedServed = 0;
  let totalCost = 0;
  for (const n of order) {
    let want = n.need.remaining;
    if (want === 0) continue;
    const candidates: { r: PreparedResource; cost: number }[] = [];
    for (const r of byCategory.get(n.need.category) ?? []) {
      if (left.get(r)! > 0 && feasible(n, r, p.options)) candidates.push({ r, cost: pairCost(n, r, p.options) });
    }
    candidates.sort((a, b) => a.cost - b.cost || byString(a.r.resource.id, b.r.resource.id));
    for (const { r, cost } of candidates) {
      if (want === 0) break;
      const q = Math.min(want, left.get(r)!);
      left.set(r, left.get(r)! - q);
      want -= q;
      allocations.push({ needId: n.need.id, resourceId: r.resource.id, quantity: q, cost });
      unitsServed += q;
      weightedServed += q * URGENCY_WEIGHT[n.need.urgency];
      totalCost += q * cost;
    }
  }
  allocations.sort((a, b) => byString(a.needId, b.needId) || byString(a.resourceId, b.resourceId));
  return { allocations, unitsServed, weightedServed, totalCost };
}
