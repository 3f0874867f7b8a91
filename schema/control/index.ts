export * from './identity.ts';
export * from './rollup.ts';
