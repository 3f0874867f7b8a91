// Mutation testing of the pure packages (docs/mutation-testing.md).
// Run: `pnpm test:mutation` (about 25 minutes); one file: `pnpm test:mutation --mutate packages/identity/src/access.ts`.
// The flow solvers have their own run, `pnpm test:mutation:flow` (stryker.flow.config.mjs).
// Only rule and algorithm files are mutated: code that queries D1 is covered by
// the workerd suite, which Stryker cannot drive.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/identity/src/access.ts',
    'packages/alliance/src/rules.ts',
    'packages/alliance/src/state-machine.ts',
    'packages/alliance/src/access.ts',
    'packages/lists/src/quantities.ts',
    // needStatusOf and remainingOf (the whole file: the rest of needs/ reads and writes D1).
    'packages/lists/src/needs/status.ts',
    // resourceStatusOf (the whole file).
    'packages/lists/src/resources/status.ts',
    'packages/lists/src/projects/state-machine.ts',
    'packages/lists/src/projects/warnings.ts',
    'packages/lists/src/projects/project-rules.ts',
    'packages/matching/src/**/*.ts',
    '!packages/matching/src/**/*.test.ts',
    '!packages/matching/src/test-fixtures.ts',
    'packages/core/src/errors.ts',
    'packages/core/src/ids.ts',
    'packages/core/src/cursor.ts',
    'packages/core/src/pii.ts',
    'packages/core/src/clock.ts',
  ],
  // Two cores are shared with the rest of the machine.
  concurrency: 2,
  coverageAnalysis: 'perTest',
  incremental: false,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Not under node_modules: Vite would treat the sandbox's sources as dependencies.
  tempDirName: '.stryker-tmp',
  // Nothing outside the sources and the configs is needed in the sandbox.
  ignorePatterns: ['reports', '.stryker-*', 'workers/admin-ui', 'test/e2e', '.wrangler', 'bench', 'docs', 'dist', 'coverage'],
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 30000,
  cleanTempDir: 'always',
};
