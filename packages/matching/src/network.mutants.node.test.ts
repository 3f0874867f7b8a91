import { describe, expect, it } from 'vitest';
import { assign } from './index.ts';
import { place, TODAY } from './test-fixtures.ts';
import type { MatchNeed, MatchResource } from './types.ts';

// The exact engine looks up needs near a resource in cells of about 2 km
// (network.ts, SpatialIndex). Small instances fall back to scanning every
// cell; this one has 20 needs in 20 cells along a meridian, 0.02° (≈ 2.2 km)
// apart, so the cell lookup itself decides. By hand: a resource at 42.11°
// with a 2.5 km radius reaches the needs at 42.10° and 42.12° (0.01° ≈ 1.1 km,
// distance band 2 km → cost 2) and no other (0.03° ≈ 3.3 km).
describe('needs found through the spatial cells', () => {
  it('serves exactly the needs within the radius', () => {
    const needs: MatchNeed[] = Array.from({ length: 20 }, (_, k) => ({
      id: `n${String(k).padStart(2, '0')}`,
      allianceId: 'a1',
      category: 'care',
      remaining: 1,
      urgency: 1,
      deadline: '2026-12-20',
      place: place({ lat: 42 + k * 0.02, lng: 118.9 }),
    }));
    const resource: MatchResource = {
      id: 'r1',
      allianceId: 'a1',
      orgId: 'o1',
      serves: ['care'],
      remaining: 20,
      availableFrom: null,
      availableTo: null,
      place: place({ lat: 42.11, lng: 118.9 }),
      scope: 'county',
      radiusM: 2500,
    };
    const r = assign(needs, [resource], { today: TODAY });
    expect(r.allocations).toEqual([
      { needId: 'n05', resourceId: 'r1', quantity: 1, cost: 2 },
      { needId: 'n06', resourceId: 'r1', quantity: 1, cost: 2 },
    ]);
    expect([r.unitsServed, r.weightedServed, r.totalCost]).toEqual([2, 2, 4]);
  });
});
