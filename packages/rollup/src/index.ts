export { readCityRollup, readCountyDrillDown, readCountyRollup, rollupSql, type RollupCounty } from './read-rollup.ts';
export { assemble, ALL_SOURCES, computeSources, countyFigures, FIGURE_SOURCE_NAMES, type Computed, type FigureSource, type Source } from './sources.ts';
export {
  differences,
  handleRecountMessage,
  isRecountMessage,
  recountCounties,
  recountMessages,
  RECOUNT_BATCH,
  refreshCityAwards,
  refreshCounty,
  rollupConsumer,
  ROLLUP_EVENT_TYPES,
  scheduleRecount,
  SOURCES_BY_AGGREGATE,
  type Difference,
  type RecountMessage,
  type RecountResult,
} from './refresh.ts';
export { windowAt, TREND_MONTHS } from './window.ts';
export { emptyFigures, addInto } from './figures.ts';
