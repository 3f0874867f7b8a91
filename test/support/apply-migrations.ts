import { applyD1Migrations, reset, type D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { CONTROL, TENANTS } from '@ronghe/tenancy';
import { sessionCache } from '../../packages/identity/src/session-cache.ts';
import { candidateCache } from '../../packages/lists/src/matching/candidate-cache.ts';
import { boardCache } from '../../packages/lists/src/projects/warnings-get.ts';

// Every test file starts from empty databases with the real, committed migrations: each tenant (the city
// included) the tenant set, the control database its own (ADR 0013). One workerd serves many files in turn
// (vitest.config.ts: isolate false, ADR 0035), so this empties every binding first, then forgets what the
// isolate kept from the databases it emptied: counted reads are keyed by change counts that start again at
// the same numbers, and a session read from a database that no longer exists must not outlive it.
const bindings = env as unknown as Record<string, unknown>;
const tenantMigrations = bindings.TEST_TENANT_MIGRATIONS as D1Migration[];
const controlMigrations = bindings.TEST_CONTROL_MIGRATIONS as D1Migration[];

await reset();
sessionCache.clear();
candidateCache.clear();
boardCache.clear();
await Promise.all([
  applyD1Migrations(bindings[CONTROL.binding] as D1Database, controlMigrations),
  ...TENANTS.map((t) => applyD1Migrations(bindings[t.binding] as D1Database, tenantMigrations)),
]);
