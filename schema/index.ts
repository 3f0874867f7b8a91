export * from './enums.ts';
export * as tenantSchema from './tenant/index.ts';
export * as controlSchema from './control/index.ts';
export * from './tenant/index.ts';
export * from './control/index.ts';
export * from './text.ts';
export * from './sort-keys.ts';
export * from './rollup-view.ts';
export * from './open-data.ts';
