// The cost of serving a need from a resource: small non-negative integers in
// discrete bands, so that needs and resources with the same profile fall into
// the same classes and the flow network stays small. Each factor carries a
// Chinese label for people. Urgency is not a cost: it weighs the objective.
import { distanceDecides, distanceM, sharedLevel } from './feasibility.ts';
import type { Level } from './levels.ts';
import type { PreparedNeed, PreparedOptions, PreparedResource } from './prepare.ts';
import type { CostFactor } from './types.ts';

/** Finest shared unit: same grid < same community < same street < same county. */
export const LOCALITY_COST: readonly number[] = [0, 2, 5, 9];
export const LOCALITY_LABEL: readonly string[] = ['同一网格', '同一社区（村）', '同一街道（乡镇）', '同一旗县区'];

/** Distance bands (upper bound in metres, cost), comparable to the locality steps. */
export const DISTANCE_BANDS: readonly (readonly [number, number])[] = [
  [500, 0],
  [1_000, 1],
  [2_000, 2],
  [5_000, 4],
  [10_000, 6],
  [20_000, 8],
  [Number.POSITIVE_INFINITY, 10],
];

/** A resource of another alliance (county-wide runs cross alliances). */
export const OTHER_ALLIANCE_COST = 6;

/** Per tightness band step the resource's window adds (see deadlineCost). */
export const DEADLINE_STEP_COST = 2;

/**
 * Tightness band of a number of days to do the work: 15+ days 0, 8–14 1,
 * 4–7 2, 2–3 3, 1 day 4.
 */
export function tightness(days: number): number {
  return days >= 15 ? 0 : days >= 8 ? 1 : days >= 4 ? 2 : days >= 2 ? 3 : 4;
}

export function placeCostOfLevel(level: Level): number {
  return LOCALITY_COST[level]!;
}

// Indexed loops and plain arithmetic in these helpers: they are compiled on
// their own early in a fresh call (pairCost inlines them), and a for-of
// with destructuring or a returned object is more code for V8 to compile.
export function distanceCost(m: number): number {
  for (let i = 0; i < DISTANCE_BANDS.length; i++) {
    const band = DISTANCE_BANDS[i]!;
    if (m <= band[0]) return band[1];
  }
  return DISTANCE_BANDS[DISTANCE_BANDS.length - 1]![1];
}

/**
 * Days the need has (today through max(today, deadline)) and days of that
 * window the resource is available. The cost is how many tightness bands the
 * resource's window loses against the need's own window: a resource available
 * throughout costs 0 even for a need due tomorrow, so tight deadlines are not
 * penalised for being tight (that would make the engine prefer relaxed needs);
 * a resource that only becomes available two days before a deadline a month
 * away costs the most.
 */
export function windowDays(due: number, today: number): number {
  return due - today + 1;
}

export function coveredDays(due: number, from: number, to: number, today: number): number {
  return Math.min(to, due) - Math.max(from, today) + 1;
}

// Plain numbers, no returned object: deadlineCost runs once per candidate pair (pairCost inlines it).
export function deadlineCost(due: number, from: number, to: number, today: number): number {
  return DEADLINE_STEP_COST * (tightness(coveredDays(due, from, to, today)) - tightness(windowDays(due, today)));
}

export function allianceCost(same: boolean): number {
  return same ? 0 : OTHER_ALLIANCE_COST;
}

/** Load band: committed share in fifths, 0 (under 20 %) to 4 (80 % or more). */
export function loadCost(load: number): number {
  return Math.min(4, Math.floor(load * 5));
}

function distanceLabel(m: number): string {
  return m < 1000 ? `距离约 ${Math.round(m / 10) * 10} 米` : `距离约 ${(m / 1000).toFixed(1)} 公里`;
}

/** Factors of a feasible pair, in a fixed order (place, deadline, alliance, load). */
export function pairFactors(n: PreparedNeed, r: PreparedResource, opts: PreparedOptions): CostFactor[] {
  const factors: CostFactor[] = [];
  if (distanceDecides(n, r)) {
    const m = distanceM(n.coords!, r.coords!);
    factors.push({ factor: 'distance', cost: distanceCost(m), label: distanceLabel(m) });
  } else {
    const level = sharedLevel(n, r);
    if (level === null) throw new Error('pairFactors: the need is outside the resource scope');
    factors.push({ factor: 'locality', cost: placeCostOfLevel(level), label: LOCALITY_LABEL[level]! });
  }
  const window = windowDays(n.due, opts.today);
  const covered = coveredDays(n.due, r.from, r.to, opts.today);
  factors.push({
    factor: 'deadline',
    cost: deadlineCost(n.due, r.from, r.to, opts.today),
    label: covered >= window ? `资源可用期覆盖截止日前全部 ${window} 天` : `资源可用期覆盖截止日前 ${covered} 天（需求尚余 ${window} 天）`,
  });
  const same = n.need.allianceId === r.resource.allianceId;
  factors.push({ factor: 'alliance', cost: allianceCost(same), label: same ? '本联合体资源' : '其他联合体资源' });
  const pct = Math.round(r.load * 100);
  factors.push({ factor: 'load', cost: loadCost(r.load), label: pct === 0 ? '提供单位尚未承担其他资源任务' : `提供单位已承担 ${pct}% 的资源` });
  return factors;
}

/** Total cost of a feasible pair without building labels (the engine's hot path). */
export function pairCost(n: PreparedNeed, r: PreparedResource, opts: PreparedOptions): number {
  const place = distanceDecides(n, r) ? distanceCost(distanceM(n.coords!, r.coords!)) : placeCostOfLevel(sharedLevel(n, r)!);
  return (
    place + deadlineCost(n.due, r.from, r.to, opts.today) + allianceCost(n.need.allianceId === r.resource.allianceId) + loadCost(r.load)
  );
}
