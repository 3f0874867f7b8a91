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

// The cell lookup must reach every cell a need within the radius can lie in.
// Resource at 42.11° N, 118.9125° E, radius 2.5 km: the box spans ±0.0225° of
// latitude (2 500 / 111 000) and ±0.0304° of longitude (0.0225 / cos 42.13°),
// cells 0.02° wide: rows 2104–2106, columns 5944–5947 (12 cells). Twenty
// far-away needs (one per cell, 0.1° of longitude apart at 100° E) keep the
// index larger than the box, so the cells are looked up rather than scanned.
// Distances by haversine (R = 6 371 km): 0.0295° east at 42.11° ≈ 2.43 km
// (cell column 5947, the box's last), 0.02° north ≈ 2.22 km, 0.035° east
// ≈ 2.89 km (outside). 2–5 km costs 4.
const spot = (id: string, lat: number, lng: number): MatchNeed => ({
  id,
  allianceId: 'a1',
  category: 'care',
  remaining: 1,
  urgency: 1,
  deadline: '2026-12-20',
  place: place({ lat, lng }),
});
const fillers = (lat: number): MatchNeed[] => Array.from({ length: 20 }, (_, k) => spot(`z${String(k).padStart(2, '0')}`, lat, 100 + k * 0.1));
const radiusResource = (lat: number, lng: number, radiusM: number): MatchResource => ({
  id: 'r1',
  allianceId: 'a1',
  orgId: 'o1',
  serves: ['care'],
  remaining: 20,
  availableFrom: null,
  availableTo: null,
  place: place({ lat, lng }),
  scope: 'county',
  radiusM,
});

describe('cells at the edge of the box', () => {
  it('finds a need in the easternmost column of the box and one in its northern row', () => {
    const needs = [spot('east', 42.11, 118.942), spot('north', 42.13, 118.9125), spot('far-east', 42.11, 118.9475), ...fillers(42.11)];
    const r = assign(needs, [radiusResource(42.11, 118.9125, 2500)], { today: TODAY });
    expect(r.allocations).toEqual([
      { needId: 'east', resourceId: 'r1', quantity: 1, cost: 4 },
      { needId: 'north', resourceId: 'r1', quantity: 1, cost: 4 },
    ]);
  });

  it('works the same south of the equator and west of Greenwich', () => {
    // The mirror image: row and column numbers are negative there.
    const needs = [spot('west', -42.11, -118.942), spot('south', -42.13, -118.9125), spot('far-west', -42.11, -118.9475), ...fillers(-42.11)];
    const r = assign(needs, [radiusResource(-42.11, -118.9125, 2500)], { today: TODAY });
    expect(r.allocations).toEqual([
      { needId: 'south', resourceId: 'r1', quantity: 1, cost: 4 },
      { needId: 'west', resourceId: 'r1', quantity: 1, cost: 4 },
    ]);
  });

  it('a radius inside one cell looks up that cell only, and finds the need there', () => {
    // 100 m around 42.11°, 118.91° (the middle of cell 2105, 5945); the need
    // 0.0004° north ≈ 44 m away, cost 0 (under 500 m). One need, one cell.
    const r = assign([spot('near', 42.1104, 118.91)], [radiusResource(42.11, 118.91, 100)], { today: TODAY });
    expect(r.allocations).toEqual([{ needId: 'near', resourceId: 'r1', quantity: 1, cost: 0 }]);
  });
});
