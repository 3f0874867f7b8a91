// Ranked feasible resources for one need, with the reasons for each cost.
import { pairFactors } from './cost.ts';
import { feasible } from './feasibility.ts';
import { prepareNeed, prepareOptions, prepareResource, type PreparedResource } from './prepare.ts';
import type { MatchNeed, MatchOptions, MatchResource, Suggestion } from './types.ts';

export interface SuggestOptions {
  /** At most this many suggestions (default: all). */
  limit?: number;
}

/**
 * Resources validated and normalised once (dates as day numbers, places as unit keys, each organization's load),
 * to rank for any number of needs while the resources and loads they were made from stand: the API keeps one per
 * need category and street between requests (ADR 0034). Read-only.
 */
export interface CandidatePool {
  readonly prepared: readonly PreparedResource[];
}

/** Validates and normalises `resources` with the loads of `options.orgLoad`; throws MatchingInputError as `suggest` would. */
export function prepareCandidates(resources: readonly MatchResource[], options: Pick<MatchOptions, 'orgLoad'>): CandidatePool {
  return { prepared: resources.map((resource, i) => prepareResource(resource, options as MatchOptions, `resources[${i}]`)) };
}

/** Feasible resources of a pool with free units, by total cost, ties by resource id. `options.orgLoad` is the pool's own. */
export function suggestFromPool(need: MatchNeed, pool: CandidatePool, options: MatchOptions, { limit }: SuggestOptions = {}): Suggestion[] {
  const opts = prepareOptions(options);
  const n = prepareNeed(need, opts.today);
  const out: Suggestion[] = [];
  for (const r of pool.prepared) {
    if (r.resource.remaining === 0 || !feasible(n, r, opts)) continue;
    const factors = pairFactors(n, r, opts);
    out.push({
      resourceId: r.resource.id,
      cost: factors.reduce((sum, f) => sum + f.cost, 0),
      quantity: Math.min(need.remaining, r.resource.remaining),
      factors,
    });
  }
  out.sort((a, b) => a.cost - b.cost || (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0));
  return limit === undefined ? out : out.slice(0, Math.max(0, limit));
}

/** Feasible resources with free units, by total cost, ties by resource id. */
export function suggest(need: MatchNeed, resources: readonly MatchResource[], options: MatchOptions, limits: SuggestOptions = {}): Suggestion[] {
  return suggestFromPool(need, prepareCandidates(resources, options), options, limits);
}
