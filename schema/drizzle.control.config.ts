import { defineConfig } from 'drizzle-kit';

// The control database also serves as the city tenant (its own organs are a
// registry like any county's), so it carries the tenant tables too (ADR 0003).
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./schema/tenant/index.ts', './schema/control/index.ts'],
  out: './schema/migrations/control',
  breakpoints: true,
});
