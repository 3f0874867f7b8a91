import { describe, expect, it } from 'vitest';
import { explainPair, MatchingInputError, suggest } from './index.ts';
import { TODAY, matchNeed, matchResource, place } from './test-fixtures.ts';
import type { MatchNeed, MatchOptions, MatchResource } from './types.ts';

// The place constraint's sentences and the distance bands of ADR 0008, with
// distances worked by hand: along a meridian the haversine distance is
// R·Δφ, R = 6 371 008.8 m, so 0.004° ≈ 444.8 m, 0.063° ≈ 7 005 m,
// 0.135° ≈ 15 012 m.

const need = matchNeed;
const resource = matchResource;
const options: MatchOptions = { today: TODAY };
const placeMessages = (n: MatchNeed, r: MatchResource) => explainPair(n, r, options).filter((v) => v.constraint === 'place').map((v) => v.message);
const at = (lat: number) => place({ lat, lng: 118.9 });

describe('outside the resource’s scope, in words', () => {
  it('names the scope the need falls outside of', () => {
    expect(placeMessages(need({ place: place({ grid: '二网格' }) }), resource({ scope: 'grid' }))).toEqual(['需求不在资源的服务范围（本网格）内']);
    expect(placeMessages(need({ place: place({ community: '150402001002' }) }), resource({ scope: 'community' }))).toEqual(['需求不在资源的服务范围（本社区（村））内']);
    expect(placeMessages(need({ place: place({ street: '150402002', community: '150402002001' }) }), resource({ scope: 'street' }))).toEqual([
      '需求不在资源的服务范围（本街道（乡镇））内',
    ]);
    expect(placeMessages(need({ place: place({ county: '150403', street: '150403001', community: '150403001001' }) }), resource({ scope: 'county' }))).toEqual([
      '需求不在资源的服务范围（本旗县区）内',
    ]);
  });

  it('says which part of the need’s place is missing', () => {
    expect(placeMessages(need({ place: place({ grid: null }) }), resource({ scope: 'grid' }))).toEqual(['需求不在资源的服务范围（本网格）内（需求未填写网格）']);
    expect(placeMessages(need({ place: place({ community: null, grid: null }) }), resource({ scope: 'community' }))).toEqual([
      '需求不在资源的服务范围（本社区（村））内（需求未填写社区（村））',
    ]);
    expect(placeMessages(need({ place: place({ street: null, community: null, grid: null }) }), resource({ scope: 'street' }))).toEqual([
      '需求不在资源的服务范围（本街道（乡镇））内（需求未填写街道（乡镇））',
    ]);
  });

  it('a grid name means nothing without its community', () => {
    const noCommunity = place({ community: null, grid: '一网格' });
    expect(placeMessages(need({ place: noCommunity }), resource({ place: noCommunity, scope: 'grid' }))).toEqual(['需求不在资源的服务范围（本网格）内（需求未填写网格）']);
  });
});

describe('distance, when both sides have coordinates and the resource a radius', () => {
  it('refuses beyond the radius, in metres under 1 km and kilometres above', () => {
    expect(placeMessages(need({ place: at(42.254) }), resource({ place: at(42.25), radiusM: 300 }))).toEqual(['距离约 440 米，超出资源的服务半径 300 米']);
    expect(placeMessages(need({ place: at(42.313) }), resource({ place: at(42.25), radiusM: 5000 }))).toEqual(['距离约 7.0 公里，超出资源的服务半径 5.0 公里']);
    expect(placeMessages(need({ place: at(42.254) }), resource({ place: at(42.25), radiusM: 500 }))).toEqual([]);
  });

  it('costs 6 within 10 km and 8 within 20 km', () => {
    const distance = (lat: number) => suggest(need({ place: at(lat) }), [resource({ place: at(42.25), radiusM: 30_000 })], options)[0]?.factors.find((f) => f.factor === 'distance');
    expect(distance(42.313)).toEqual({ factor: 'distance', cost: 6, label: '距离约 7.0 公里' });
    expect(distance(42.385)).toEqual({ factor: 'distance', cost: 8, label: '距离约 15.0 公里' });
    expect(distance(42.254)).toEqual({ factor: 'distance', cost: 0, label: '距离约 440 米' });
  });
});

describe('input checks of a single pair', () => {
  it('name the resource as `resource` and the error as MatchingInputError', () => {
    let caught: unknown = null;
    try {
      explainPair(need(), resource({ id: '' }), options);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MatchingInputError);
    expect(caught).toMatchObject({ name: 'MatchingInputError', path: 'resource.id', message: 'resource.id: 须为非空字符串' });
  });

  it('refuse a need without a place, and a load that is not a number', () => {
    expect(() => explainPair(need({ place: undefined as unknown as MatchNeed['place'] }), resource(), options)).toThrow(MatchingInputError);
    expect(() => explainPair(need(), resource(), { ...options, orgLoad: new Map([['o1', '0.5' as unknown as number]]) })).toThrow(/options\.orgLoad\(o1\): 须在 0 与 1 之间/);
  });
});
