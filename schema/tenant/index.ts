export * from './registry.ts';
export * from './audit-log.ts';
export * from './api-keys.ts';
export * from './registry-schemas.ts';
export * from './alliance.ts';
export * from './alliance-schemas.ts';
export * from './lists.ts';
export * from './lists-schemas.ts';
