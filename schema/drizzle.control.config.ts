import { defineConfig } from 'drizzle-kit';

// The control database: identities, role grants, sessions and the audit of
// their changes — only what crosses tenants (ADR 0013). The audit and event
// (outbox) tables are the same drizzle tables every tenant database has: identity's
// changes are audited and emit their events here (ADR 0012); no tenant table is here.
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./schema/control/index.ts', './schema/tenant/audit-log.ts', './schema/tenant/events.ts'],
  out: './schema/migrations/control',
  breakpoints: true,
});
