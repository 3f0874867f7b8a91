// Validation and normalisation: every later step works on these records, in
// which dates are day numbers and places are per-level unit keys.
import { dayNumber } from './dates.ts';
import { LEVELS, type Level } from './levels.ts';
import { MatchingInputError, type MatchNeed, type MatchOptions, type MatchResource, type Place } from './types.ts';

/** Unit keys per level (grid, community, street, county); null where the place has no such level. */
export type UnitKeys = readonly [string | null, string | null, string | null, string];

export interface PreparedNeed {
  readonly need: MatchNeed;
  readonly units: UnitKeys;
  readonly coords: readonly [number, number] | null;
  /** Day number of max(today, deadline): the last day the need can be met. */
  readonly due: number;
}

export interface PreparedResource {
  readonly resource: MatchResource;
  readonly serves: ReadonlySet<string>;
  readonly units: UnitKeys;
  readonly coords: readonly [number, number] | null;
  /** First and last available day (±Infinity when open). */
  readonly from: number;
  readonly to: number;
  readonly scope: Level;
  /** Committed share 0..1 of the offering organization. */
  readonly load: number;
}

export interface PreparedOptions {
  readonly today: number;
  readonly excluded: ReadonlySet<string>;
}

const SCOPES: Record<string, Level> = { grid: 0, community: 1, street: 2, county: 3 };

function fail(path: string, message: string): never {
  throw new MatchingInputError(message, path);
}

function checkQuantity(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(path, `须为非负整数，实际为 ${String(value)}`);
}

function checkDate(value: unknown, path: string): number {
  const day = typeof value === 'string' ? dayNumber(value) : null;
  if (day === null) fail(path, `须为 YYYY-MM-DD 格式的日期，实际为 ${String(value)}`);
  return day;
}

function checkId(value: unknown, path: string): void {
  if (typeof value !== 'string' || value === '') fail(path, '须为非空字符串');
}

function prepareCoords(place: Place, path: string): readonly [number, number] | null {
  const { lat, lng } = place;
  if (lat === null && lng === null) return null;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    fail(`${path}.lat/lng`, '经纬度须同时给出且在有效范围内，或同时为 null');
  }
  return [lat, lng];
}

/** Unit keys already made in this run, by county, street, community, grid: rows of one place share one tuple. */
type UnitCache = Map<string, Map<string | null, Map<string | null, Map<string | null, UnitKeys>>>>;

function sub<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function unitKeys(place: Place, path: string, cache?: UnitCache): UnitKeys {
  if (typeof place?.county !== 'string' || place.county === '') fail(`${path}.county`, '须为旗县区代码');
  const make = (): UnitKeys => {
    // A grid name is only unique inside its community, so its key carries both.
    const grid = place.community !== null && place.grid !== null ? `${place.community}#${place.grid}` : null;
    return [grid, place.community, place.street, place.county];
  };
  if (cache === undefined) return make();
  const byStreet = sub(cache, place.county, () => new Map());
  const byCommunity = sub(byStreet, place.street, () => new Map());
  const byGrid = sub(byCommunity, place.community, () => new Map());
  return sub(byGrid, place.grid, make);
}

export function prepareOptions(options: MatchOptions): PreparedOptions {
  return { today: checkDate(options.today, 'options.today'), excluded: options.excluded ?? new Set() };
}

export function prepareNeed(need: MatchNeed, today: number, path = 'need', cache?: UnitCache): PreparedNeed {
  checkId(need.id, `${path}.id`);
  checkQuantity(need.remaining, `${path}.remaining`);
  if (![1, 2, 3, 4].includes(need.urgency)) fail(`${path}.urgency`, `须为 1–4，实际为 ${String(need.urgency)}`);
  const deadline = checkDate(need.deadline, `${path}.deadline`);
  return { need, units: unitKeys(need.place, `${path}.place`, cache), coords: prepareCoords(need.place, `${path}.place`), due: Math.max(today, deadline) };
}

/**
 * One Set per distinct `serves` list in a run (resources mostly repeat a few
 * lists): 5,000 Sets at 1× were ~0.75 MB of objects that survive every
 * young-generation collection of the call, which is what grows V8's
 * semispaces (ADR 0008). Keyed by the list as given; the Sets are read-only.
 */
type ServesCache = Map<string, ReadonlySet<string>>;

function servesSet(serves: readonly string[], cache?: ServesCache): ReadonlySet<string> {
  if (cache === undefined) return new Set(serves);
  // JSON: unambiguous whatever characters the ids hold.
  const key = JSON.stringify(serves);
  let set = cache.get(key);
  if (set === undefined) cache.set(key, (set = new Set(serves)));
  return set;
}

export function prepareResource(resource: MatchResource, options: MatchOptions, path = 'resource', cache?: UnitCache, servesCache?: ServesCache): PreparedResource {
  checkId(resource.id, `${path}.id`);
  checkQuantity(resource.remaining, `${path}.remaining`);
  const scope = SCOPES[resource.scope];
  if (scope === undefined) fail(`${path}.scope`, `须为 ${LEVELS.join('/')}，实际为 ${String(resource.scope)}`);
  const from = resource.availableFrom === null ? Number.NEGATIVE_INFINITY : checkDate(resource.availableFrom, `${path}.availableFrom`);
  const to = resource.availableTo === null ? Number.POSITIVE_INFINITY : checkDate(resource.availableTo, `${path}.availableTo`);
  // A reversed window is a typing mistake, not "never available": every later
  // step would silently drop the resource, so it is refused here (the API edge
  // refuses it first, with a field error).
  if (from > to) fail(`${path}.availableTo`, `可用结束日期 ${String(resource.availableTo)} 早于开始日期 ${String(resource.availableFrom)}`);
  if (resource.radiusM !== null && !(typeof resource.radiusM === 'number' && Number.isFinite(resource.radiusM) && resource.radiusM >= 0)) {
    fail(`${path}.radiusM`, '须为非负数或 null');
  }
  const load = options.orgLoad?.get(resource.orgId) ?? 0;
  if (typeof load !== 'number' || !(load >= 0 && load <= 1)) fail(`options.orgLoad(${resource.orgId})`, `须在 0 与 1 之间，实际为 ${String(load)}`);
  return {
    resource,
    serves: servesSet(resource.serves, servesCache),
    units: unitKeys(resource.place, `${path}.place`, cache),
    coords: prepareCoords(resource.place, `${path}.place`),
    from,
    to,
    scope,
    load,
  };
}

/** Validates whole lists, including that ids are unique on each side. */
export function prepareAll(needs: readonly MatchNeed[], resources: readonly MatchResource[], options: MatchOptions) {
  const opts = prepareOptions(options);
  const seen = new Set<string>();
  const cache: UnitCache = new Map();
  const preparedNeeds = needs.map((n, i) => {
    const p = prepareNeed(n, opts.today, `needs[${i}]`, cache);
    if (seen.has(n.id)) fail(`needs[${i}].id`, `重复的需求 id ${n.id}`);
    seen.add(n.id);
    return p;
  });
  seen.clear();
  const servesCache: ServesCache = new Map();
  const preparedResources = resources.map((r, i) => {
    const p = prepareResource(r, options, `resources[${i}]`, cache, servesCache);
    if (seen.has(r.id)) fail(`resources[${i}].id`, `重复的资源 id ${r.id}`);
    seen.add(r.id);
    return p;
  });
  return { needs: preparedNeeds, resources: preparedResources, options: opts };
}
