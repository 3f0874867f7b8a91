export * from './organizations.ts';
export * from './audit-log.ts';
export * from './api-keys.ts';
export * from './organization-schemas.ts';
export * from './alliances.ts';
export * from './alliance-schemas.ts';
export * from './lists.ts';
export * from './list-schemas.ts';
