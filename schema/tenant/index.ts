export * from './organizations';
export * from './audit-log';
