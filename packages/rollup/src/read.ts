// What other capabilities and workers may read of the city's rollup (ADR 0010,
// ADR 0022): the stored figures, each read in ONE query of the control database.
export { readCityRollup, readCountyDrillDown, readCountyRollup, type RollupCounty } from './read-rollup.ts';
