import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { CONTROL, TENANTS } from '@ronghe/tenancy';

// Every database gets the real, committed migrations before each test file:
// each tenant (the city included) the tenant set, the control database its own (ADR 0013).
const bindings = env as unknown as Record<string, unknown>;
const tenantMigrations = bindings.TEST_TENANT_MIGRATIONS as D1Migration[];
const controlMigrations = bindings.TEST_CONTROL_MIGRATIONS as D1Migration[];

await Promise.all([
  applyD1Migrations(bindings[CONTROL.binding] as D1Database, controlMigrations),
  ...TENANTS.map((t) => applyD1Migrations(bindings[t.binding] as D1Database, tenantMigrations)),
]);
