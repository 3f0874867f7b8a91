import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Stryker's vitest runner cannot drive the workerd pool, so mutation testing
// runs the pure packages' tests in plain Node. Every file listed here must
// stay free of `cloudflare:` imports and D1: the package `*.test.ts` files of
// these packages and the two spec tables below are pure today and run in both places.
const MUTATED = ['identity', 'alliance', 'lists', 'matching', 'flow', 'core'];

export default defineConfig({
  resolve: {
    // A test in one package that imports another by name must load the copy
    // Stryker mutated (in its sandbox), not the workspace link to the original.
    alias: MUTATED.map((name) => ({
      find: new RegExp(`^@ronghe/${name}$`),
      replacement: fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url)),
    })),
  },
  test: {
    environment: 'node',
    include: [
      'packages/{identity,alliance,lists,matching,flow,core}/src/**/*.test.ts',
      // The hand-written role table and state tables against the code's (pure comparisons).
      'test/spec/role-actions.test.ts',
      'test/spec/state-tables.test.ts',
    ],
    exclude: ['**/node_modules/**'],
  },
});
