// Ranked feasible resources for one need, with the reasons for each cost.
import { pairFactors } from './cost.ts';
import { feasible } from './feasibility.ts';
import { prepareNeed, prepareOptions, prepareResource } from './prepare.ts';
import type { MatchNeed, MatchOptions, MatchResource, Suggestion } from './types.ts';

export interface SuggestOptions {
  /** At most this many suggestions (default: all). */
  limit?: number;
}

/** Feasible resources with free units, by total cost, ties by resource id. */
export function suggest(need: MatchNeed, resources: readonly MatchResource[], options: MatchOptions, { limit }: SuggestOptions = {}): Suggestion[] {
  const opts = prepareOptions(options);
  const n = prepareNeed(need, opts.today);
  const out: Suggestion[] = [];
  resources.forEach((resource, i) => {
    const r = prepareResource(resource, options, `resources[${i}]`);
    if (r.resource.remaining === 0 || !feasible(n, r, opts)) return;
    const factors = pairFactors(n, r, opts);
    out.push({
      resourceId: resource.id,
      cost: factors.reduce((sum, f) => sum + f.cost, 0),
      quantity: Math.min(need.remaining, resource.remaining),
      factors,
    });
  });
  out.sort((a, b) => a.cost - b.cost || (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0));
  return limit === undefined ? out : out.slice(0, Math.max(0, limit));
}
