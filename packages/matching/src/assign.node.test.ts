import { describe, expect, it } from 'vitest';
import { assign, explainPair, greedyAssign, suggest, URGENCY_WEIGHT } from './index.ts';
import { prng, shuffle, smallInstance } from './test-fixtures.ts';
import type { MatchNeed, MatchOptions, MatchResource } from './types.ts';

/**
 * Exhaustive: every integer allocation of every need over its feasible
 * resources (memoised on the resources' remaining units), keeping the best
 * (weighted value, then cost) pair lexicographically.
 */
function bruteForce(needs: MatchNeed[], resources: MatchResource[], options: MatchOptions) {
  const cost = new Map<string, number>();
  for (const n of needs) {
    for (const s of suggest(n, resources, options)) cost.set(`${n.id}|${s.resourceId}`, s.cost);
  }
  const memo = new Map<string, [number, number]>();
  const better = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);
  const rec = (i: number, left: number[]): [number, number] => {
    if (i === needs.length) return [0, 0];
    const key = `${i}|${left.join(',')}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const n = needs[i]!;
    const w = URGENCY_WEIGHT[n.urgency];
    let best: [number, number] = [-1, 0];
    const walk = (j: number, sent: number, value: number, c: number) => {
      if (j === resources.length) {
        const rest = rec(i + 1, left);
        const total: [number, number] = [value + rest[0], c + rest[1]];
        if (better(total, best)) best = total;
        return;
      }
      const pc = cost.get(`${n.id}|${resources[j]!.id}`);
      const top = pc === undefined ? 0 : Math.min(left[j]!, n.remaining - sent);
      for (let q = 0; q <= top; q++) {
        left[j]! -= q;
        walk(j + 1, sent + q, value + q * w, c + q * (pc ?? 0));
        left[j]! += q;
      }
    };
    walk(0, 0, 0, 0);
    memo.set(key, best);
    return best;
  };
  const [weighted, totalCost] = rec(
    0,
    resources.map((r) => r.remaining),
  );
  return { weighted, totalCost, cost };
}

describe('assign against brute force on small random instances', () => {
  it('finds the best weighted value and, among those, the least cost; never breaks a constraint; is order-independent', () => {
    let served = 0;
    let beatsGreedy = 0;
    let aggregated = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const rand = prng(seed);
      const { needs, resources, options } = smallInstance(rand);
      const brute = bruteForce(needs, resources, options);
      const result = assign(needs, resources, options);
      expect({ seed, weighted: result.weightedServed, cost: result.totalCost }).toEqual({ seed, weighted: brute.weighted, cost: brute.totalCost });

      const perNeed = new Map<string, number>();
      const perResource = new Map<string, number>();
      let units = 0;
      let weighted = 0;
      let totalCost = 0;
      for (const a of result.allocations) {
        expect(Number.isInteger(a.quantity) && a.quantity > 0).toBe(true);
        const need = needs.find((n) => n.id === a.needId)!;
        const resource = resources.find((r) => r.id === a.resourceId)!;
        expect({ seed, pair: `${a.needId}|${a.resourceId}`, violations: explainPair(need, resource, options) }).toEqual({
          seed,
          pair: `${a.needId}|${a.resourceId}`,
          violations: [],
        });
        expect(a.cost).toBe(brute.cost.get(`${a.needId}|${a.resourceId}`));
        perNeed.set(a.needId, (perNeed.get(a.needId) ?? 0) + a.quantity);
        perResource.set(a.resourceId, (perResource.get(a.resourceId) ?? 0) + a.quantity);
        units += a.quantity;
        weighted += a.quantity * URGENCY_WEIGHT[need.urgency];
        totalCost += a.quantity * a.cost;
      }
      for (const n of needs) expect(perNeed.get(n.id) ?? 0).toBeLessThanOrEqual(n.remaining);
      for (const r of resources) expect(perResource.get(r.id) ?? 0).toBeLessThanOrEqual(r.remaining);
      expect([result.unitsServed, result.weightedServed, result.totalCost]).toEqual([units, weighted, totalCost]);

      // Same input in another order: the very same answer.
      const again = assign(shuffle(rand, needs), shuffle(rand, resources), options);
      expect(again).toEqual(result);

      const greedy = greedyAssign(needs, resources, options);
      expect(greedy.weightedServed).toBeLessThanOrEqual(result.weightedServed);
      if (greedy.weightedServed === result.weightedServed) expect(greedy.totalCost).toBeGreaterThanOrEqual(result.totalCost);
      else beatsGreedy++;
      if (result.unitsServed > 0) served++;
      if (result.stats.needClasses < result.stats.needs || result.stats.resourceClasses < result.stats.resources) aggregated++;
    }
    // The instances must exercise the engine, not just agree on nothing.
    expect(served).toBeGreaterThan(300);
    expect(beatsGreedy).toBeGreaterThan(10);
    expect(aggregated).toBeGreaterThan(150);
  }, 60_000);
});
