import { describe, expect, it } from 'vitest';
import { assign, explainPair, greedyAssign, MatchingInputError, suggest, URGENCY_WEIGHT } from './index.ts';
import { TODAY, day, matchNeed, matchResource, place } from './test-fixtures.ts';
import type { MatchNeed, MatchOptions, MatchResource } from './types.ts';

// Unless a test says otherwise: 一网格 of community 150402001001, due in 20
// days, a resource in the same grid, open window, same alliance, no load.
const need = matchNeed;
const resource = matchResource;
const options: MatchOptions = { today: TODAY };
const constraints = (n: MatchNeed, r: MatchResource, o: MatchOptions = options) => explainPair(n, r, o).map((v) => v.constraint);
const factor = (n: MatchNeed, r: MatchResource, name: string, o: MatchOptions = options) => {
  const [s] = suggest(n, [r], o);
  return s?.factors.find((f) => f.factor === name);
};

describe('hard constraints (explainPair)', () => {
  it('accepts the baseline pair', () => {
    expect(explainPair(need(), resource(), options)).toEqual([]);
  });

  it('category: the resource must serve the need’s category', () => {
    expect(explainPair(need(), resource({ serves: ['legal'] }), options)).toEqual([{ constraint: 'category', message: '资源不提供该类需求的服务' }]);
    expect(constraints(need(), resource({ serves: ['legal', 'care'] }))).toEqual([]);
  });

  it('availability: the window must overlap [today, max(today, deadline)]', () => {
    const late = explainPair(need({ deadline: day(5) }), resource({ availableFrom: day(6) }), options);
    expect(late).toEqual([{ constraint: 'availability', message: '资源 2026-12-07 起才可用，晚于需求截止日 2026-12-06' }]);
    expect(constraints(need({ deadline: day(5) }), resource({ availableFrom: day(5) }))).toEqual([]);
    expect(explainPair(need(), resource({ availableTo: day(-1) }), options)[0]!.message).toBe('资源可用期已于 2026-11-30 结束');
    expect(constraints(need(), resource({ availableTo: TODAY }))).toEqual([]);
    // An overdue need is still due today: a resource available from today serves it.
    expect(constraints(need({ deadline: day(-3) }), resource({ availableFrom: TODAY }))).toEqual([]);
    expect(constraints(need({ deadline: day(-3) }), resource({ availableFrom: day(1) }))).toEqual(['availability']);
  });

  it('place by locality: the need must lie in the resource’s scope around its place', () => {
    const otherGrid = place({ grid: '二网格' });
    const otherCommunity = place({ community: '150402001002', grid: '一网格' });
    const otherStreet = place({ street: '150402002', community: '150402002001' });
    const otherCounty = place({ county: '150403', street: '150403001', community: '150403001001' });
    expect(constraints(need({ place: otherGrid }), resource({ scope: 'grid' }))).toEqual(['place']);
    expect(constraints(need({ place: otherGrid }), resource({ scope: 'community' }))).toEqual([]);
    expect(constraints(need({ place: otherCommunity }), resource({ scope: 'community' }))).toEqual(['place']);
    expect(constraints(need({ place: otherCommunity }), resource({ scope: 'street' }))).toEqual([]);
    expect(constraints(need({ place: otherStreet }), resource({ scope: 'street' }))).toEqual(['place']);
    expect(constraints(need({ place: otherStreet }), resource({ scope: 'county' }))).toEqual([]);
    expect(constraints(need({ place: otherCounty }), resource({ scope: 'county' }))).toEqual(['place']);
    expect(explainPair(need({ place: otherCommunity }), resource({ scope: 'community' }), options)[0]!.message).toBe('需求不在资源的服务范围（本社区（村））内');
  });

  it('place: a need with a missing level is not inside a scope that narrow', () => {
    const noCommunity = place({ community: null, grid: null });
    expect(explainPair(need({ place: noCommunity }), resource({ scope: 'community' }), options)).toEqual([
      { constraint: 'place', message: '需求不在资源的服务范围（本社区（村））内（需求未填写社区（村））' },
    ]);
    expect(constraints(need({ place: noCommunity }), resource({ scope: 'street' }))).toEqual([]);
    expect(constraints(need({ place: place({ grid: null }) }), resource({ scope: 'grid' }))).toEqual(['place']);
  });

  it('place by distance: with coordinates on both sides and a radius, the great-circle distance decides', () => {
    // 0.01° of latitude is about 1,112 m.
    const here = place({ lat: 42.26, lng: 118.95 });
    const near = place({ street: '150402009', community: '150402009001', lat: 42.27, lng: 118.95 });
    expect(constraints(need({ place: near }), resource({ place: here, radiusM: 1200, scope: 'grid' }))).toEqual([]);
    expect(explainPair(need({ place: near }), resource({ place: here, radiusM: 1000, scope: 'county' }), options)).toEqual([
      { constraint: 'place', message: '距离约 1.1 公里，超出资源的服务半径 1.0 公里' },
    ]);
    // Without the need's coordinates (or without a radius) locality decides again.
    expect(constraints(need({ place: place({ street: '150402009', community: '150402009001' }) }), resource({ place: here, radiusM: 1000, scope: 'county' }))).toEqual([]);
    expect(constraints(need({ place: near }), resource({ place: here, radiusM: null, scope: 'community' }))).toEqual(['place']);
  });

  it('excluded: a pair people rejected is never proposed', () => {
    const o = { ...options, excluded: new Set(['n1|r1']) };
    expect(explainPair(need(), resource(), o)).toEqual([{ constraint: 'excluded', message: '此配对已被人工否决' }]);
    expect(suggest(need(), [resource()], o)).toEqual([]);
    expect(assign([need()], [resource()], o).allocations).toEqual([]);
    expect(assign([need()], [resource(), resource({ id: 'r2' })], o).allocations.map((a) => a.resourceId)).toEqual(['r2']);
  });

  it('lists every violated constraint at once', () => {
    const o = { ...options, excluded: new Set(['n1|r1']) };
    expect(constraints(need(), resource({ serves: ['legal'], availableTo: day(-1), scope: 'grid', place: place({ grid: '二网格' }) }), o)).toEqual([
      'category',
      'availability',
      'place',
      'excluded',
    ]);
  });
});

describe('cost factors and their labels', () => {
  it('locality steps: same grid < same community < same street < same county', () => {
    const at = (p: Partial<Parameters<typeof place>[0]>) => factor(need({ place: place(p) }), resource({ scope: 'county' }), 'locality');
    expect(at({})).toEqual({ factor: 'locality', cost: 0, label: '同一网格' });
    expect(at({ grid: '二网格' })).toEqual({ factor: 'locality', cost: 2, label: '同一社区（村）' });
    expect(at({ community: '150402001002' })).toEqual({ factor: 'locality', cost: 5, label: '同一街道（乡镇）' });
    expect(at({ street: '150402002', community: '150402002001' })).toEqual({ factor: 'locality', cost: 9, label: '同一旗县区' });
  });

  it('distance bands when coordinates decide', () => {
    const at = (lat: number) =>
      factor(need({ place: place({ lat, lng: 118.95 }) }), resource({ place: place({ lat: 42.26, lng: 118.95 }), radiusM: 50_000 }), 'distance');
    expect(at(42.262)).toEqual({ factor: 'distance', cost: 0, label: '距离约 220 米' });
    expect(at(42.271)).toEqual({ factor: 'distance', cost: 2, label: '距离约 1.2 公里' });
    expect(at(42.3)).toEqual({ factor: 'distance', cost: 4, label: '距离约 4.4 公里' });
    expect(at(42.5)).toEqual({ factor: 'distance', cost: 10, label: '距离约 26.7 公里' });
  });

  it('deadline: tightness the resource’s window adds to the need’s own', () => {
    // A window covering the whole time to the deadline costs nothing, even for a need due tomorrow.
    expect(factor(need({ deadline: day(1) }), resource(), 'deadline')).toEqual({ factor: 'deadline', cost: 0, label: '资源可用期覆盖截止日前全部 2 天' });
    expect(factor(need(), resource({ availableTo: day(40) }), 'deadline')).toEqual({ factor: 'deadline', cost: 0, label: '资源可用期覆盖截止日前全部 20 天' });
    // 20 days to go, available for 12 of them: one band (15+ → 8–14 days) lost.
    expect(factor(need(), resource({ availableFrom: day(8) }), 'deadline')).toEqual({
      factor: 'deadline',
      cost: 2,
      label: '资源可用期覆盖截止日前 12 天（需求尚余 20 天）',
    });
    // Only the last day before the deadline: four bands lost.
    expect(factor(need(), resource({ availableFrom: day(19) }), 'deadline')?.cost).toBe(8);
    expect(factor(need(), resource({ availableTo: day(2) }), 'deadline')?.label).toBe('资源可用期覆盖截止日前 3 天（需求尚余 20 天）');
  });

  it('alliance: another alliance’s resource costs more', () => {
    expect(factor(need(), resource(), 'alliance')).toEqual({ factor: 'alliance', cost: 0, label: '本联合体资源' });
    expect(factor(need(), resource({ allianceId: 'a2' }), 'alliance')).toEqual({ factor: 'alliance', cost: 6, label: '其他联合体资源' });
  });

  it('load: a busier offering organization costs more, in fifths', () => {
    const at = (share: number) => factor(need(), resource(), 'load', { ...options, orgLoad: new Map([['o1', share]]) });
    expect(at(0)).toEqual({ factor: 'load', cost: 0, label: '提供单位尚未承担其他资源任务' });
    expect(at(0.35)).toEqual({ factor: 'load', cost: 1, label: '提供单位已承担 35% 的资源' });
    expect(at(0.8)).toEqual({ factor: 'load', cost: 4, label: '提供单位已承担 80% 的资源' });
    expect(at(1)?.cost).toBe(4);
  });
});

describe('suggest', () => {
  it('ranks feasible resources by total cost, ties by id, with quantities and a limit', () => {
    const resources = [
      resource({ id: 'far', scope: 'county', place: place({ street: '150402002', community: '150402002001' }) }),
      resource({ id: 'b-grid' }),
      resource({ id: 'a-grid', remaining: 1 }),
      resource({ id: 'other', allianceId: 'a2' }),
      resource({ id: 'none', serves: ['legal'] }),
      resource({ id: 'empty', remaining: 0 }),
    ];
    const ranked = suggest(need({ remaining: 3 }), resources, options);
    expect(ranked.map((s) => [s.resourceId, s.cost, s.quantity])).toEqual([
      ['a-grid', 0, 1],
      ['b-grid', 0, 3],
      ['other', 6, 3],
      ['far', 9, 3],
    ]);
    expect(ranked[0]!.factors.map((f) => f.factor)).toEqual(['locality', 'deadline', 'alliance', 'load']);
    expect(suggest(need(), resources, options, { limit: 2 }).map((s) => s.resourceId)).toEqual(['a-grid', 'b-grid']);
  });
});

describe('assign and greedyAssign', () => {
  it('serves urgent needs first when units are scarce, and costs break ties', () => {
    const needs = [need({ id: 'calm', urgency: 1, remaining: 2 }), need({ id: 'urgent', urgency: 4, remaining: 2 })];
    const r = assign(needs, [resource({ remaining: 3 })], options);
    expect(r.allocations).toEqual([
      { needId: 'calm', resourceId: 'r1', quantity: 1, cost: 0 },
      { needId: 'urgent', resourceId: 'r1', quantity: 2, cost: 0 },
    ]);
    expect([r.unitsServed, r.weightedServed]).toEqual([3, 1 + 2 * URGENCY_WEIGHT[4]]);
  });

  it('beats greedy where taking the cheapest resource first blocks another need', () => {
    // The urgent care need may use either resource and takes the local one;
    // the legal need can only use the local one. The optimum sends the
    // urgent need to the other street's resource and serves both.
    const urgent = need({ id: 'u', urgency: 4, remaining: 1 });
    const local = need({ id: 'l', urgency: 3, remaining: 1, category: 'legal' });
    const resources = [
      resource({ id: 'here', remaining: 1, scope: 'grid', serves: ['care', 'legal'] }),
      resource({ id: 'there', remaining: 1, scope: 'county', place: place({ street: '150402002', community: '150402002001' }) }),
    ];
    const greedy = greedyAssign([urgent, local], resources, options);
    expect(greedy.allocations.map((a) => `${a.needId}→${a.resourceId}`)).toEqual(['u→here']);
    const exact = assign([urgent, local], resources, options);
    expect(exact.allocations.map((a) => `${a.needId}→${a.resourceId}`)).toEqual(['l→here', 'u→there']);
    expect([exact.weightedServed, exact.totalCost]).toEqual([12, 9]);
  });

  it('spreads units of one class over its needs and resources deterministically', () => {
    const needs = ['n3', 'n1', 'n2'].map((id) => need({ id, remaining: 2 }));
    const resources = ['r2', 'r1'].map((id) => resource({ id, remaining: 3 }));
    const r = assign(needs, resources, options);
    expect(r.stats.needClasses).toBe(1);
    expect(r.stats.resourceClasses).toBe(1);
    expect(r.allocations.map((a) => [a.needId, a.resourceId, a.quantity])).toEqual([
      ['n1', 'r1', 2],
      ['n2', 'r1', 1],
      ['n2', 'r2', 1],
      ['n3', 'r2', 2],
    ]);
  });

  it('rejects bad input with a typed error', () => {
    for (const bad of [{ remaining: -1 }, { remaining: 1.5 }, { deadline: '2026-02-30' }, { urgency: 5 as 1 }]) {
      expect(() => assign([need(bad)], [resource()], options)).toThrow(MatchingInputError);
    }
    expect(() => assign([need()], [resource({ remaining: 2.5 })], options)).toThrow(/resources\[0\]\.remaining/);
    expect(() => assign([need(), need()], [resource()], options)).toThrow(/重复的需求 id/);
    expect(() => assign([need()], [resource()], { ...options, orgLoad: new Map([['o1', 1.2]]) })).toThrow(MatchingInputError);
    expect(() => assign([need({ place: place({ lat: 42, lng: null }) })], [resource()], options)).toThrow(MatchingInputError);
    expect(() => suggest(need(), [resource()], { today: '12/01/2026' })).toThrow(MatchingInputError);
  });

  it('refuses a reversed availability window (from after to), naming availableTo', () => {
    const reversed = resource({ availableFrom: day(5), availableTo: day(4) });
    expect(() => assign([need()], [reversed], options)).toThrow(expect.objectContaining({ name: 'MatchingInputError', path: 'resources[0].availableTo' }));
    expect(() => greedyAssign([need()], [reversed], options)).toThrow(MatchingInputError);
    expect(() => explainPair(need(), reversed, options)).toThrow(expect.objectContaining({ path: 'resource.availableTo' }));
    // A one-day window (from = to) is a window, not a reversal.
    expect(explainPair(need(), resource({ availableFrom: day(4), availableTo: day(4) }), options)).toEqual([]);
  });
});
