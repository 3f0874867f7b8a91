export * from './registry.ts';
export { D1_MAX_CONNECTIONS, forEachTenant, type ForEachTenantOptions, type TenantOutcome } from './for-each-tenant.ts';
