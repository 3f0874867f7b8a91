import { describe, expect, it } from 'vitest';
import { dateText, dayNumber } from './dates.ts';
import { greedyAssign, MatchingInputError, suggest } from './index.ts';
import { TODAY, day, matchNeed, matchResource, place } from './test-fixtures.ts';
import type { MatchNeed, MatchOptions, MatchResource } from './types.ts';

// The greedy baseline (ADR 0008: "what a person working down the list would
// do") and the engine's input checks, worked by hand. Costs come from ADR
// 0008's bands: same grid 0, same community 2, same street 5; another
// alliance +6; an open window and no load add nothing.

const need = matchNeed;
const resource = matchResource;
const options: MatchOptions = { today: TODAY };
/** Same community, another grid: cost 2. */
const sameCommunity = (over: Partial<MatchResource>) => resource({ place: place({ grid: '二网格' }), scope: 'community', ...over });
/** Same street, another community: cost 5. */
const sameStreet = (over: Partial<MatchResource>) => resource({ place: place({ community: '150402001002' }), scope: 'street', ...over });

describe('greedyAssign: down the list, cheapest first', () => {
  it('serves the more urgent need first (特急 before 一般)', () => {
    const r = greedyAssign([need({ id: 'a', urgency: 1, remaining: 3 }), need({ id: 'b', urgency: 4, remaining: 3 })], [resource({ remaining: 4 })], options);
    // b takes 3 of 4 units, a the last one; weighted 1×1 + 3×8 = 25.
    expect(r).toEqual({
      allocations: [
        { needId: 'a', resourceId: 'r1', quantity: 1, cost: 0 },
        { needId: 'b', resourceId: 'r1', quantity: 3, cost: 0 },
      ],
      unitsServed: 4,
      weightedServed: 25,
      totalCost: 0,
    });
  });

  it('among equally urgent needs, serves the earlier deadline first, then the smaller id', () => {
    const byDeadline = greedyAssign([need({ id: 'a', urgency: 2, deadline: day(10) }), need({ id: 'b', urgency: 2, deadline: day(5) })], [resource({ remaining: 3 })], options);
    expect(byDeadline.allocations.map((x) => [x.needId, x.quantity])).toEqual([['a', 1], ['b', 2]]);
    expect(byDeadline.weightedServed).toBe(6);
    const byId = greedyAssign([need({ id: 'n2' }), need({ id: 'n1' })], [resource({ remaining: 3 })], options);
    expect(byId.allocations.map((x) => [x.needId, x.quantity])).toEqual([['n1', 2], ['n2', 1]]);
  });

  it('takes the cheapest resources first and spills over to dearer ones', () => {
    const r = greedyAssign(
      [need({ remaining: 5, urgency: 3 })],
      [sameStreet({ id: 'far', remaining: 10 }), sameCommunity({ id: 'mid', remaining: 2 }), resource({ id: 'near', remaining: 2 })],
      options,
    );
    // near 2 × 0 + mid 2 × 2 + far 1 × 5 = 9; weighted 5 × 4 = 20.
    expect(r).toEqual({
      allocations: [
        { needId: 'n1', resourceId: 'far', quantity: 1, cost: 5 },
        { needId: 'n1', resourceId: 'mid', quantity: 2, cost: 2 },
        { needId: 'n1', resourceId: 'near', quantity: 2, cost: 0 },
      ],
      unitsServed: 5,
      weightedServed: 20,
      totalCost: 9,
    });
  });

  it('breaks a cost tie by resource id and never hands out units twice', () => {
    const r = greedyAssign([need({ id: 'a', remaining: 1 }), need({ id: 'b', remaining: 1, deadline: day(30) })], [resource({ id: 'r2', remaining: 1 }), resource({ id: 'r1', remaining: 1 })], options);
    expect(r.allocations.map((x) => `${x.needId}→${x.resourceId}`)).toEqual(['a→r1', 'b→r2']);
  });

  it('skips empty resources, resources of another category, and needs already met', () => {
    const r = greedyAssign(
      [need({ id: 'a-met', remaining: 0 }), need({ id: 'b-legal', category: 'legal', remaining: 1 }), need({ id: 'c-care', remaining: 1 })],
      [resource({ id: 'empty', remaining: 0 }), resource({ id: 'both', serves: ['legal', 'care'], remaining: 1 }), sameCommunity({ id: 'care2', remaining: 1 })],
      options,
    );
    // By id, b-legal comes first and takes `both`, the only legal resource; c-care then falls back to care2 (cost 2).
    expect(r).toEqual({
      allocations: [
        { needId: 'b-legal', resourceId: 'both', quantity: 1, cost: 0 },
        { needId: 'c-care', resourceId: 'care2', quantity: 1, cost: 2 },
      ],
      unitsServed: 2,
      weightedServed: 2,
      totalCost: 2,
    });
  });

  it('leaves out resources whose window has closed and pairs outside the scope', () => {
    const r = greedyAssign(
      [need({ remaining: 3 })],
      [resource({ id: 'closed', availableTo: day(-1) }), resource({ id: 'grid', scope: 'grid', place: place({ grid: '二网格' }) }), resource({ id: 'ok', remaining: 1 })],
      options,
    );
    expect(r.allocations.map((x) => [x.resourceId, x.quantity])).toEqual([['ok', 1]]);
  });

  it('still uses a resource on the last day of its window', () => {
    const r = greedyAssign([need({ remaining: 1 })], [resource({ availableTo: TODAY })], options);
    expect(r.allocations.map((x) => [x.resourceId, x.quantity])).toEqual([['r1', 1]]);
  });

  it('charges another alliance’s resource 6 per unit', () => {
    const r = greedyAssign([need({ remaining: 1 })], [resource({ allianceId: 'a2' })], options);
    expect(r.totalCost).toBe(6);
  });
});

describe('calendar dates as day numbers', () => {
  it('counts days since 1970-01-01 and refuses impossible dates', () => {
    // 1970-01-01 → 2026-12-01: 20788 days; → 2028-02-29 (a leap day): 21243.
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-12-01')).toBe(20788);
    expect(dayNumber('2028-02-29')).toBe(21243);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', ' 2026-12-01', '2026-12-01T00:00']) expect(dayNumber(bad), bad).toBeNull();
    expect(dateText(20788)).toBe('2026-12-01');
    expect(dateText(0)).toBe('1970-01-01');
  });
});

describe('input the engine refuses, with the path and the reason', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(MatchingInputError);
      return { path: (e as MatchingInputError).path, message: (e as Error).message };
    }
    return null;
  };
  const run = (needs: MatchNeed[], resources: MatchResource[], o: MatchOptions = options) => refusal(() => greedyAssign(needs, resources, o));

  it('quantities must be non-negative integers', () => {
    expect(run([need({ remaining: -1 })], [])).toEqual({ path: 'needs[0].remaining', message: 'needs[0].remaining: 须为非负整数，实际为 -1' });
    expect(run([need({ remaining: 1.5 })], [])?.path).toBe('needs[0].remaining');
    expect(run([need({ remaining: '2' as unknown as number })], [])?.path).toBe('needs[0].remaining');
    expect(run([need({ remaining: 2 ** 53 })], [])?.path).toBe('needs[0].remaining');
    expect(run([need({ remaining: 0 })], [resource({ remaining: 0 })])).toBeNull();
    expect(run([], [resource(), resource({ id: 'r2', remaining: -3 })])).toEqual({ path: 'resources[1].remaining', message: 'resources[1].remaining: 须为非负整数，实际为 -3' });
  });

  it('urgency is 1 to 4', () => {
    expect(run([need({ urgency: 5 as 1 })], [])).toEqual({ path: 'needs[0].urgency', message: 'needs[0].urgency: 须为 1–4，实际为 5' });
    expect(run([need({ urgency: 0 as 1 })], [])?.path).toBe('needs[0].urgency');
    expect(run([need({ urgency: 4 })], [])).toBeNull();
  });

  it('dates are real YYYY-MM-DD dates', () => {
    expect(run([need({ deadline: '2026-02-30' })], [])).toEqual({ path: 'needs[0].deadline', message: 'needs[0].deadline: 须为 YYYY-MM-DD 格式的日期，实际为 2026-02-30' });
    expect(run([need({ deadline: 20261201 as unknown as string })], [])?.path).toBe('needs[0].deadline');
    expect(run([need({ deadline: ['2026-12-20'] as unknown as string })], [])?.path).toBe('needs[0].deadline');
    expect(run([], [resource({ availableFrom: '2026-12-32' })])?.path).toBe('resources[0].availableFrom');
    expect(run([], [resource({ availableTo: 'soon' })])?.path).toBe('resources[0].availableTo');
    expect(run([], [], { today: '12/01/2026' })?.path).toBe('options.today');
  });

  it('ids are non-empty and unique on each side', () => {
    expect(run([need({ id: '' })], [])).toEqual({ path: 'needs[0].id', message: 'needs[0].id: 须为非空字符串' });
    expect(run([], [resource({ id: 7 as unknown as string })])?.path).toBe('resources[0].id');
    expect(run([need(), need()], [])).toEqual({ path: 'needs[1].id', message: 'needs[1].id: 重复的需求 id n1' });
    expect(run([], [resource(), resource()])).toEqual({ path: 'resources[1].id', message: 'resources[1].id: 重复的资源 id r1' });
    // A need and a resource may share an id: they are different lists.
    expect(run([need({ id: 'x' })], [resource({ id: 'x' })])).toBeNull();
  });

  it('rows are checked in order: the first repeat or invalid row is the one named', () => {
    // Repeats are found after every row is prepared; the error is still the one a row-by-row pass meets first.
    const ids = (list: string[]) => list.map((id) => need({ id }));
    expect(run(ids(['a', 'b', 'c', 'b', 'a']), [])).toEqual({ path: 'needs[3].id', message: 'needs[3].id: 重复的需求 id b' });
    expect(run([...ids(['a', 'b', 'a']), need({ id: 'd', remaining: -1 })], [])).toEqual({ path: 'needs[2].id', message: 'needs[2].id: 重复的需求 id a' });
    expect(run([...ids(['a', 'b']), need({ id: 'c', remaining: -1 }), need({ id: 'a' })], [])?.path).toBe('needs[2].remaining');
    // A repeated row that is also invalid is refused for its field, as before.
    expect(run([...ids(['a']), need({ id: 'a', remaining: -1 })], [])?.path).toBe('needs[1].remaining');
    expect(run([need({ id: 'n1' })], [resource({ id: 'r', remaining: 1 }), resource({ id: 's' }), resource({ id: 'r', scope: 'city' as 'county' })])?.path).toBe(
      'resources[2].scope',
    );
    expect(run([need({ id: 'n1' })], [resource({ id: 'r' }), resource({ id: 'r' }), resource({ id: 's', scope: 'city' as 'county' })])?.path).toBe('resources[1].id');
  });

  it('a resource’s scope is one of the four localities', () => {
    expect(run([], [resource({ scope: 'city' as 'county' })])).toEqual({
      path: 'resources[0].scope',
      message: 'resources[0].scope: 须为 grid/community/street/county，实际为 city',
    });
  });

  it('coordinates come in pairs within range', () => {
    const msg = '经纬度须同时给出且在有效范围内，或同时为 null';
    expect(run([need({ place: place({ lat: 42, lng: null }) })], [])).toEqual({ path: 'needs[0].place.lat/lng', message: `needs[0].place.lat/lng: ${msg}` });
    expect(run([need({ place: place({ lat: null, lng: 118 }) })], [])?.path).toBe('needs[0].place.lat/lng');
    expect(run([need({ place: place({ lat: 90.5, lng: 118 }) })], [])?.path).toBe('needs[0].place.lat/lng');
    expect(run([need({ place: place({ lat: -90.5, lng: 118 }) })], [])?.path).toBe('needs[0].place.lat/lng');
    expect(run([need({ place: place({ lat: 42, lng: 180.5 }) })], [])?.path).toBe('needs[0].place.lat/lng');
    expect(run([need({ place: place({ lat: 42, lng: -180.5 }) })], [])?.path).toBe('needs[0].place.lat/lng');
    expect(run([need({ place: place({ lat: Number.NaN, lng: 118 }) })], [])?.path).toBe('needs[0].place.lat/lng');
    expect(run([need({ place: place({ lat: 42, lng: Number.POSITIVE_INFINITY }) })], [])?.path).toBe('needs[0].place.lat/lng');
    expect(run([], [resource({ place: place({ lat: '42' as unknown as number, lng: 118 }) })])?.path).toBe('resources[0].place.lat/lng');
    expect(run([need({ place: place({ lat: 90, lng: 180 }) }), need({ id: 'n2', place: place({ lat: -90, lng: -180 }) })], [])).toBeNull();
  });

  it('a place names its county', () => {
    expect(run([need({ place: place({ county: '' }) })], [])).toEqual({ path: 'needs[0].place.county', message: 'needs[0].place.county: 须为旗县区代码' });
    expect(run([], [resource({ place: { ...place(), county: undefined as unknown as string } })])?.path).toBe('resources[0].place.county');
  });

  it('a radius is a non-negative finite number or null', () => {
    expect(run([], [resource({ radiusM: -1 })])).toEqual({ path: 'resources[0].radiusM', message: 'resources[0].radiusM: 须为非负数或 null' });
    expect(run([], [resource({ radiusM: Number.POSITIVE_INFINITY })])?.path).toBe('resources[0].radiusM');
    expect(run([], [resource({ radiusM: '500' as unknown as number })])?.path).toBe('resources[0].radiusM');
    expect(run([], [resource({ radiusM: 0 })])).toBeNull();
  });

  it('an organization’s load is a share between 0 and 1', () => {
    const load = (x: number) => run([], [resource()], { ...options, orgLoad: new Map([['o1', x]]) });
    expect(load(1.2)).toEqual({ path: 'options.orgLoad(o1)', message: 'options.orgLoad(o1): 须在 0 与 1 之间，实际为 1.2' });
    expect(load(-0.1)?.path).toBe('options.orgLoad(o1)');
    expect(load(Number.NaN)?.path).toBe('options.orgLoad(o1)');
    expect(load(0)).toBeNull();
    expect(load(1)).toBeNull();
  });

  it('suggest names the need and the resource by their place in the call', () => {
    expect(refusal(() => suggest(need({ urgency: 9 as 1 }), [], options))?.path).toBe('need.urgency');
    expect(refusal(() => suggest(need(), [resource(), resource({ id: '' })], options))?.path).toBe('resources[1].id');
  });
});
