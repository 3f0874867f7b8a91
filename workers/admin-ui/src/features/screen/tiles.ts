// The 12 counties of 赤峰市 as a tile map: one square each, placed roughly where
// the county lies (north up), with its GB/T 2260 code. No boundary GeoJSON of
// the counties comes from a well-kept, licence-clear npm package (ADR 0023),
// and a published map of China needs an approval number (审图号); a tile map
// shows where without drawing a border. test/repo/screen-tiles.node.test.ts
// holds these to packages/tenancy's registry.

/** Each county's tile: column (west → east) and row (north → south). */
export const COUNTY_TILES: ReadonlyArray<{ code: string; name: string; x: number; y: number }> = [
  { code: '150422', name: '巴林左旗', x: 2, y: 0 },
  { code: '150421', name: '阿鲁科尔沁旗', x: 3, y: 0 },
  { code: '150425', name: '克什克腾旗', x: 0, y: 1 },
  { code: '150424', name: '林西县', x: 1, y: 1 },
  { code: '150423', name: '巴林右旗', x: 2, y: 1 },
  { code: '150404', name: '松山区', x: 1, y: 2 },
  { code: '150426', name: '翁牛特旗', x: 2, y: 2 },
  { code: '150402', name: '红山区', x: 1, y: 3 },
  { code: '150403', name: '元宝山区', x: 2, y: 3 },
  { code: '150430', name: '敖汉旗', x: 3, y: 3 },
  { code: '150428', name: '喀喇沁旗', x: 1, y: 4 },
  { code: '150429', name: '宁城县', x: 2, y: 4 },
];

export const TILE_COLUMNS = 4;
export const TILE_ROWS = 5;
