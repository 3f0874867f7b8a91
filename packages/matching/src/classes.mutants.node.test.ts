import { describe, expect, it } from 'vitest';
import { needClasses, resourceClasses } from './classes.ts';
import { dayNumber } from './dates.ts';
import { prepareAll } from './prepare.ts';
import { TODAY, day, matchNeed, matchResource, place } from './test-fixtures.ts';
import type { MatchNeed, MatchOptions, MatchResource } from './types.ts';

// ADR 0008, "Classes": needs (resources) that no pair can tell apart — same
// banded feasibility and cost profile, whatever their ids — are one node with
// the summed units; a row in a rejected pair is a class of its own. What a
// pair reads (feasibility.ts, cost.ts): for a need its urgency, category,
// units, coordinates, alliance and max(today, deadline); for a resource the
// categories it serves, max(from, today), its last day (only whether it
// outlasts every need), units, scope, coordinates with radius (only when it
// has both), alliance and load band (fifths).

const need = (id: string, over: Partial<MatchNeed> = {}): MatchNeed => matchNeed({ id, remaining: 1, deadline: day(10), ...over });
const resource = (id: string, over: Partial<MatchResource> = {}): MatchResource => matchResource({ id, remaining: 1, scope: 'street', ...over });

function needGroups(needs: MatchNeed[], isolated: string[] = []) {
  const p = prepareAll(needs, [], { today: TODAY });
  return needClasses(p.needs, new Set(isolated)).map((c, i) => {
    expect(c.index).toBe(i);
    expect(c.rep).toBe(c.members[0]);
    return { ids: c.members.map((m) => m.need.id), total: c.total, isolated: c.isolated };
  });
}

/** Day number of today: classes hold day numbers, not dates. */
const T0 = dayNumber(TODAY)!;

function resourceGroups(resources: MatchResource[], lastDue: number, options: MatchOptions = { today: TODAY }, isolated: string[] = []) {
  const p = prepareAll([], resources, options);
  return resourceClasses(p.resources, new Set(isolated), p.options.today, lastDue).map((c, i) => {
    expect(c.index).toBe(i);
    expect(c.rep).toBe(c.members[0]);
    return { ids: c.members.map((m) => m.resource.id), total: c.total, start: c.start, end: c.end, byDistance: c.byDistance };
  });
}

describe('need classes', () => {
  it('needs differing only in id and units share a class with the summed units; each field a pair reads splits them', () => {
    const here = { lat: 42, lng: 118.9 };
    expect(
      needGroups([
        need('a', { remaining: 2 }),
        need('b', { remaining: 3 }),
        need('urgency', { urgency: 2 }),
        need('category', { category: 'food' }),
        need('grid', { place: place({ grid: '二网格' }) }),
        need('coords', { place: place(here) }),
        need('coords-lng', { place: place({ ...here, lng: 118.91 }) }),
        need('alliance', { allianceId: 'a2' }),
        need('due', { deadline: day(11) }),
      ]),
    ).toEqual([
      { ids: ['a', 'b'], total: 5, isolated: false },
      ...['urgency', 'category', 'grid', 'coords', 'coords-lng', 'alliance', 'due'].map((id) => ({ ids: [id], total: 1, isolated: false })),
    ]);
  });

  it('a deadline already past and one today are the same due day (today)', () => {
    expect(needGroups([need('past', { deadline: day(-3) }), need('today', { deadline: day(0) })])).toEqual([
      { ids: ['past', 'today'], total: 2, isolated: false },
    ]);
  });

  it('fields that would run into each other are kept apart', () => {
    // 'careX' with no community and 'care' in community 'X' (no grid either):
    // glued together both would read careX…; they differ in what serves them.
    const noCommunity = place({ community: null, grid: null });
    expect(needGroups([need('a', { category: 'careX', place: noCommunity }), need('b', { place: place({ community: 'X', grid: null }) })])).toEqual([
      { ids: ['a'], total: 1, isolated: false },
      { ids: ['b'], total: 1, isolated: false },
    ]);
  });

  it('a need in a rejected pair is alone in its class, even beside a twin', () => {
    expect(needGroups([need('a'), need('b'), need('c', { remaining: 4 })], ['b'])).toEqual([
      { ids: ['a', 'c'], total: 5, isolated: false },
      { ids: ['b'], total: 1, isolated: true },
    ]);
  });
});

describe('resource classes', () => {
  const INF = Number.POSITIVE_INFINITY;

  it('resources differing only in id, units, category order, a start before today, an end after every need and a load inside one band share a class', () => {
    // The last need is due on day 10. Loads 0.1 and 0.15 are both under 20 %: band 0.
    const groups = resourceGroups(
      [
        resource('a', { remaining: 2, serves: ['care', 'food'] }),
        resource('b', { remaining: 3, serves: ['food', 'care'], availableFrom: day(-4), availableTo: day(30), orgId: 'o2' }),
        resource('c', { serves: ['care', 'food'], availableTo: day(10), orgId: 'o3' }),
      ],
      T0 + 10,
      { today: TODAY, orgLoad: new Map([['o2', 0.1], ['o3', 0.15]]) },
    );
    expect(groups).toEqual([{ ids: ['a', 'b', 'c'], total: 6, start: T0, end: INF, byDistance: false }]);
  });

  it('each field a pair reads splits resources', () => {
    const here = { lat: 42, lng: 118.9 };
    const groups = resourceGroups(
      [
        resource('base'),
        resource('serves', { serves: ['care', 'food'] }),
        resource('from', { availableFrom: day(2) }),
        resource('to', { availableTo: day(9) }),
        resource('street', { place: place({ street: '150402002', community: '150402002001' }) }),
        resource('scope', { scope: 'county' }),
        resource('radius', { place: place(here), radiusM: 1000 }),
        resource('radius2', { place: place(here), radiusM: 2000 }),
        resource('lat', { place: place({ ...here, lat: 42.01 }), radiusM: 1000 }),
        resource('lng', { place: place({ ...here, lng: 118.91 }), radiusM: 1000 }),
        resource('alliance', { allianceId: 'a2' }),
        resource('load', { orgId: 'o2' }),
      ],
      T0 + 10,
      { today: TODAY, orgLoad: new Map([['o2', 0.2]]) },
    );
    expect(groups.map((g) => g.ids)).toEqual(
      ['base', 'serves', 'from', 'to', 'street', 'scope', 'radius', 'radius2', 'lat', 'lng', 'alliance', 'load'].map((id) => [id]),
    );
    const byId = new Map(groups.map((g) => [g.ids[0], g]));
    expect(byId.get('from')).toMatchObject({ start: T0 + 2, end: INF, byDistance: false });
    expect(byId.get('to')).toMatchObject({ start: T0, end: T0 + 9, byDistance: false });
    expect(byId.get('radius')).toMatchObject({ start: T0, end: INF, byDistance: true });
  });

  it('coordinates without a radius, or a radius without coordinates, leave distance out: such resources meet by locality and share a class', () => {
    const groups = resourceGroups(
      [
        resource('plain'),
        resource('coords-only', { place: place({ lat: 42, lng: 118.9 }) }),
        resource('radius-only', { radiusM: 1000 }),
        resource('radius-only-2', { radiusM: 3000 }),
      ],
      T0 + 10,
    );
    expect(groups).toEqual([{ ids: ['plain', 'coords-only', 'radius-only', 'radius-only-2'], total: 4, start: T0, end: INF, byDistance: false }]);
  });

  it('the categories served are kept apart: a and bc is not ab and c', () => {
    expect(resourceGroups([resource('a-bc', { serves: ['a', 'bc'] }), resource('ab-c', { serves: ['ab', 'c'] })], T0 + 10).map((g) => g.ids)).toEqual([['a-bc'], ['ab-c']]);
  });

  it('a resource in a rejected pair is alone in its class', () => {
    expect(resourceGroups([resource('a'), resource('b'), resource('c')], T0 + 10, { today: TODAY }, ['a']).map((g) => g.ids)).toEqual([['a'], ['b', 'c']]);
  });
});
