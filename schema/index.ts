export * from './enums';
export * as tenantSchema from './tenant/index';
export * as controlSchema from './control/index';
export * from './tenant/index';
export * from './control/index';
