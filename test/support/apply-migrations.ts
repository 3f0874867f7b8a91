import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { TENANTS } from '@ronghe/tenancy';

// Every tenant database gets the real, committed migrations before each test file.
const bindings = env as unknown as Record<string, unknown>;
const tenantMigrations = bindings.TEST_TENANT_MIGRATIONS as D1Migration[];
const controlMigrations = bindings.TEST_CONTROL_MIGRATIONS as D1Migration[];

await Promise.all(
  TENANTS.map((t) =>
    applyD1Migrations(bindings[t.binding] as D1Database, t.kind === 'city' ? controlMigrations : tenantMigrations),
  ),
);
