import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Four projects: `unit` (Node: repository checks, engines), `demo-data` (Node:
// the demo generator, one whole Chifeng shared per worker), `workers` (inside
// workerd, against D1 with the real migrations, fresh for each file) and `e2e`
// (the whole system under wrangler, driven through Debian's Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/repo/**/*.test.ts', '**/*.node.test.ts'],
          exclude: ['**/node_modules/**', '**/.stryker-*/**', 'packages/demo-data/**'],
        },
      },
      {
        // The demo generator's tests read one whole Chifeng, seconds to generate: one module graph per worker
        // across files (isolate false) lets them share it (packages/demo-data/src/chifeng-demo.ts, ADR 0035).
        test: {
          name: 'demo-data',
          environment: 'node',
          include: ['packages/demo-data/**/*.node.test.ts'],
          exclude: ['**/node_modules/**', '**/.stryker-*/**'],
          isolate: false,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                APP_ENV: 'test',
                TEST_TENANT_MIGRATIONS: await readD1Migrations('schema/migrations/tenant'),
                TEST_CONTROL_MIGRATIONS: await readD1Migrations('schema/migrations/control'),
                // The control set as it was while the city tenant lived in the control database (ADR 0013), frozen for the data-move test.
                TEST_OLD_CONTROL_MIGRATIONS: await readD1Migrations('test/fixtures/control-migrations-before-0013'),
              },
              // Two empty databases for the data-move test, beside the ones wrangler.toml declares.
              d1Databases: { TEST_OLD_CONTROL: 'test-old-control', TEST_MOVED_CITY: 'test-moved-city' },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['workers/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/spec/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/.stryker-*/**', '**/*.node.test.ts', 'workers/admin-ui/**'],
          setupFiles: ['./test/support/apply-migrations.ts', './test/support/verify-prepared-shapes.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One workerd per worker, its modules loaded once, instead of one per file: about half the project's
          // time. Each file still starts from empty, migrated databases (apply-migrations.ts; ADR 0035).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
