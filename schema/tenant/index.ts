export * from './organizations.ts';
export * from './audit-log.ts';
export * from './organization-schemas.ts';
