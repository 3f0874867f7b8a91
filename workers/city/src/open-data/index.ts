export { OPEN_DATA_NAME, datedLine, rollupWorkbook, topicCsv, topicSheet } from './build.ts';
export { createRollupExportApi, type RollupLoader } from './routes.ts';
