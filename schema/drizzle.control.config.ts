import { defineConfig } from 'drizzle-kit';

// The control database: identities, role grants, sessions and the audit of
// their changes — only what crosses tenants (ADR 0013). The audit table is the
// same drizzle table every tenant database has; no tenant table is here.
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./schema/control/index.ts', './schema/tenant/audit-log.ts'],
  out: './schema/migrations/control',
  breakpoints: true,
});
