// The hard constraints of a (need, resource) pair, as a yes/no for the engine
// and as Chinese sentences for the UI (`explainPair`).
import { dateText } from './dates.ts';
import type { Level } from './levels.ts';
import { prepareNeed, prepareOptions, prepareResource, type PreparedNeed, type PreparedOptions, type PreparedResource } from './prepare.ts';
import type { MatchNeed, MatchOptions, MatchResource, Violation } from './types.ts';

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine on the mean Earth radius). */
export function distanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLng = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Coordinates decide the place when both sides have them and the resource has a radius. */
export function distanceDecides(n: PreparedNeed, r: PreparedResource): boolean {
  return n.coords !== null && r.coords !== null && r.resource.radiusM !== null;
}

/**
 * The finest level at which need and resource share a unit, looking only at
 * levels within the resource's scope; null when the need lies outside it.
 * A need without a unit at some level (community null, say) shares nothing
 * there, so it is never inside a scope that narrow.
 */
export function sharedLevel(n: PreparedNeed, r: PreparedResource): Level | null {
  for (let l = 0 as Level; l <= r.scope; l++) {
    const unit = n.units[l];
    if (unit !== null && unit === r.units[l]) return l;
  }
  return null;
}

/** The resource's window overlaps [today, max(today, deadline)]. */
export function availabilityOverlaps(n: PreparedNeed, r: PreparedResource, today: number): boolean {
  return r.from <= n.due && r.to >= today;
}

export function pairKey(needId: string, resourceId: string): string {
  return `${needId}|${resourceId}`;
}

/**
 * Category, availability and place, without the rejected pairs: the network
 * builder knows which classes can be in a rejected pair at all and asks about
 * those only, instead of building an id string per candidate pair.
 */
export function feasibleIgnoringExclusion(n: PreparedNeed, r: PreparedResource, today: number): boolean {
  if (!r.serves.has(n.need.category)) return false;
  if (!availabilityOverlaps(n, r, today)) return false;
  if (distanceDecides(n, r)) return distanceM(n.coords!, r.coords!) <= r.resource.radiusM!;
  return sharedLevel(n, r) !== null;
}

/** All four hard constraints. */
export function feasible(n: PreparedNeed, r: PreparedResource, opts: PreparedOptions): boolean {
  if (!feasibleIgnoringExclusion(n, r, opts.today)) return false;
  // No key string per pair when nothing is rejected (the usual case).
  return opts.excluded.size === 0 || !opts.excluded.has(pairKey(n.need.id, r.resource.id));
}

const SCOPE_NAMES = ['本网格', '本社区（村）', '本街道（乡镇）', '本旗县区'];

function km(m: number): string {
  return m < 1000 ? `${Math.round(m / 10) * 10} 米` : `${(m / 1000).toFixed(1)} 公里`;
}

/** Every violated hard constraint, in Chinese; empty when the pair is feasible. */
export function violationsOf(n: PreparedNeed, r: PreparedResource, opts: PreparedOptions): Violation[] {
  const out: Violation[] = [];
  if (!r.serves.has(n.need.category)) out.push({ constraint: 'category', message: '资源不提供该类需求的服务' });
  if (r.from > n.due) {
    out.push({ constraint: 'availability', message: `资源 ${dateText(r.from)} 起才可用，晚于需求截止日 ${dateText(n.due)}` });
  } else if (r.to < opts.today) {
    out.push({ constraint: 'availability', message: `资源可用期已于 ${dateText(r.to)} 结束` });
  }
  if (distanceDecides(n, r)) {
    const d = distanceM(n.coords!, r.coords!);
    if (d > r.resource.radiusM!) out.push({ constraint: 'place', message: `距离约 ${km(d)}，超出资源的服务半径 ${km(r.resource.radiusM!)}` });
  } else if (sharedLevel(n, r) === null) {
    const missing = n.units[r.scope] === null ? `（需求未填写${['网格', '社区（村）', '街道（乡镇）', '旗县区'][r.scope]}）` : '';
    out.push({ constraint: 'place', message: `需求不在资源的服务范围（${SCOPE_NAMES[r.scope]}）内${missing}` });
  }
  if (opts.excluded.has(pairKey(n.need.id, r.resource.id))) out.push({ constraint: 'excluded', message: '此配对已被人工否决' });
  return out;
}

/** Why a resource cannot serve a need (empty when it can), for the UI. */
export function explainPair(need: MatchNeed, resource: MatchResource, options: MatchOptions): Violation[] {
  const opts = prepareOptions(options);
  return violationsOf(prepareNeed(need, opts.today), prepareResource(resource, options), opts);
}

