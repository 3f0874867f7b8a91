import { defineConfig } from 'drizzle-kit';

// County databases: the tenant tables only.
export default defineConfig({
  dialect: 'sqlite',
  schema: './schema/tenant/index.ts',
  out: './schema/migrations/tenant',
  breakpoints: true,
});
