import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../packages/tenancy/src/registry.ts';
import { COUNTY_TILES, TILE_COLUMNS, TILE_ROWS } from '../../workers/admin-ui/src/features/screen/tiles.ts';

describe("the 数据大屏's tile map", () => {
  it('has one tile per county of the registry, same code and name, no two on one square, inside the grid', () => {
    expect(COUNTY_TILES.map((t) => `${t.code} ${t.name}`).sort()).toEqual(COUNTIES.map((c) => `${c.code} ${c.name}`).sort());
    expect(new Set(COUNTY_TILES.map((t) => `${t.x},${t.y}`)).size).toBe(12);
    expect(COUNTY_TILES.every((t) => t.x >= 0 && t.x < TILE_COLUMNS && t.y >= 0 && t.y < TILE_ROWS)).toBe(true);
  });
});
