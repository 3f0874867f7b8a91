export * from './identity.ts';
export * from './city-filings.ts';
export * from './rollup.ts';
export * from './api-key-usage.ts';
